/**
 * A tool's definition as the user approves it: the parts that tell a model what the tool does and
 * how to call it. A server that changes any of them after approval has that tool held back.
 */
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { ToolChange } from '../shared/contract';
import { unifiedDiff } from './clients/unified-diff';

export const PinnedToolSchema = z.object({
  name: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  inputSchema: z.record(z.string(), z.unknown()),
  annotations: z.record(z.string(), z.unknown()).optional(),
});
export type PinnedTool = z.infer<typeof PinnedToolSchema>;

/** The parts compared, in the order a change lists them. */
const PINNED_FIELDS = ['title', 'description', 'inputSchema', 'annotations'] as const;

export function pinnedDefinition(tool: Tool): PinnedTool {
  let definition = definitionsOfTools.get(tool);
  if (definition === undefined) {
    definition = definitionOf(tool);
    definitionsOfTools.set(tool, definition);
  }
  return definition;
}

function definitionOf(tool: Tool): PinnedTool {
  return {
    name: tool.name,
    ...(tool.title !== undefined ? { title: tool.title } : {}),
    ...(tool.description !== undefined ? { description: tool.description } : {}),
    inputSchema: tool.inputSchema,
    ...(tool.annotations !== undefined ? { annotations: tool.annotations } : {}),
  };
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
  );
}

/** 2-space JSON with sorted keys: the same definition always reads the same, whatever order the server sent. */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortedKeys(value), undefined, 2)}\n`;
}

/**
 * Each definition's canonical text, kept for as long as the definition lives: a bridged call to a
 * pinned server compares its tool with the approved one every time, and neither changes in between
 * (a refreshed list and a new approval bring new objects).
 */
const canonicalTexts = new WeakMap<PinnedTool, string>();
const definitionsOfTools = new WeakMap<Tool, PinnedTool>();

function canonicalText(definition: PinnedTool): string {
  let text = canonicalTexts.get(definition);
  if (text === undefined) {
    text = canonicalJson(definition);
    canonicalTexts.set(definition, text);
  }
  return text;
}

export function sameDefinition(a: PinnedTool, b: PinnedTool): boolean {
  return a === b || canonicalText(a) === canonicalText(b);
}

/** How a tool differs from its approved definition; undefined when it does not. */
export function describeChange(approved: PinnedTool | undefined, current: PinnedTool | undefined): ToolChange | undefined {
  const either = current ?? approved;
  if (!either) return undefined;
  if (approved && current && sameDefinition(approved, current)) return undefined;
  const change: ToolChange['change'] = !approved ? 'added' : !current ? 'removed' : 'changed';
  const fields = PINNED_FIELDS.filter((field) => canonicalJson(approved?.[field] ?? null) !== canonicalJson(current?.[field] ?? null));
  const diff = unifiedDiff(either.name, approved ? canonicalJson(approved) : null, current ? canonicalJson(current) : '');
  return { tool: either.name, change, fields, diff };
}
