/**
 * Content annotations as a person reads them (MCP 2025-11-25, Server > Resources > Annotations:
 * audience, priority 0..1, lastModified as ISO 8601).
 */

export interface ContentAnnotations {
  audience?: readonly string[] | undefined;
  priority?: number | undefined;
  lastModified?: string | undefined;
}

export interface AnnotationFact {
  name: 'audience' | 'priority' | 'lastModified';
  /** Short text for a tag: "for user", "priority 0.8 (high)". */
  text: string;
  /** The value as sent, for a tooltip. */
  raw: string;
}

function priorityWord(priority: number): string {
  if (priority >= 0.75) return 'high';
  if (priority <= 0.25) return 'low';
  return 'medium';
}

function modifiedText(lastModified: string): string {
  const time = Date.parse(lastModified);
  if (Number.isNaN(time)) return `modified ${lastModified}`;
  return `modified ${new Date(time).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC').replace(/Z$/, ' UTC')}`;
}

/** The annotations given, in a fixed order; an absent or empty annotation says nothing. */
export function annotationFacts(annotations: ContentAnnotations | undefined): AnnotationFact[] {
  if (!annotations) return [];
  const facts: AnnotationFact[] = [];
  const { audience, priority, lastModified } = annotations;
  if (audience && audience.length > 0) facts.push({ name: 'audience', text: `for ${audience.join(' and ')}`, raw: JSON.stringify(audience) });
  if (typeof priority === 'number') facts.push({ name: 'priority', text: `priority ${priority} (${priorityWord(priority)})`, raw: String(priority) });
  if (lastModified) facts.push({ name: 'lastModified', text: modifiedText(lastModified), raw: lastModified });
  return facts;
}
