/**
 * What a tool's annotations mean for the playground. The MCP spec's defaults apply when a hint is
 * missing: readOnlyHint false, destructiveHint true, idempotentHint false, openWorldHint true. So a
 * tool that says nothing is treated as possibly destructive and asks before it runs.
 */
import type { Tool, ToolAnnotations } from '../mcp-types';

type BadgeKind = 'read-only' | 'destructive' | 'idempotent' | 'open-world';

interface AnnotationBadge {
  kind: BadgeKind;
  label: string;
  /** A sentence for the tooltip and screen readers. */
  explanation: string;
  /** True when the server did not say and the spec's default applies. */
  assumed: boolean;
}

function isReadOnly(annotations: ToolAnnotations | undefined): boolean {
  return annotations?.readOnlyHint === true;
}

/** A tool that may destroy or overwrite something: the playground asks before running it. */
export function needsConfirmation(annotations: ToolAnnotations | undefined): boolean {
  return !isReadOnly(annotations) && annotations?.destructiveHint !== false;
}

/**
 * Why the playground asks before a run: the tool says it is destructive, or it says nothing either
 * way (most community servers), which a person may choose to stop being asked about per server.
 */
export function confirmationReason(annotations: ToolAnnotations | undefined): 'destructive' | 'unstated' | null {
  if (!needsConfirmation(annotations)) return null;
  return annotations?.destructiveHint === undefined ? 'unstated' : 'destructive';
}

export function annotationBadges(annotations: ToolAnnotations | undefined): AnnotationBadge[] {
  const badges: AnnotationBadge[] = [];
  if (isReadOnly(annotations)) {
    badges.push({ kind: 'read-only', label: 'read-only', explanation: 'Does not change anything.', assumed: false });
  } else if (annotations?.destructiveHint !== false) {
    const assumed = annotations?.destructiveHint === undefined;
    badges.push({
      kind: 'destructive',
      label: 'destructive',
      explanation: assumed
        ? 'The server does not say whether this tool is destructive, so it is treated as one.'
        : 'May delete or overwrite data.',
      assumed,
    });
  }
  if (annotations?.idempotentHint === true) {
    badges.push({ kind: 'idempotent', label: 'idempotent', explanation: 'Calling it again with the same arguments has no further effect.', assumed: false });
  }
  if (annotations?.openWorldHint === true) {
    badges.push({ kind: 'open-world', label: 'open-world', explanation: 'Talks to the outside world (e.g. the internet).', assumed: false });
  }
  return badges;
}

/** The human title: the tool's own, or the one in its annotations (older servers put it there). */
export function toolTitle(tool: Tool): string | undefined {
  return tool.title ?? tool.annotations?.title;
}
