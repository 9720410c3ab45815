import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { isDeepStrictEqual } from 'node:util';

type ContentItem = CallToolResult['content'][number];

function describeContent(item: ContentItem): string {
  switch (item.type) {
    case 'text':
      return item.text;
    case 'image':
    case 'audio':
      return `[${item.type} ${item.mimeType}, ${Math.floor((item.data.length * 3) / 4)} bytes]`;
    case 'resource':
      return 'text' in item.resource ? `[resource ${item.resource.uri}]\n${item.resource.text}` : `[resource ${item.resource.uri}, binary]`;
    case 'resource_link':
      return `[link ${item.uri}${item.name ? ` (${item.name})` : ''}]`;
    default:
      return JSON.stringify(item);
  }
}

function pretty(value: unknown): string {
  return JSON.stringify(value, undefined, 2);
}

function isJsonOf(text: string, value: unknown): boolean {
  try {
    return isDeepStrictEqual(JSON.parse(text), value);
  } catch {
    return false;
  }
}

/**
 * The result as a person reads it: each content item, then the structured content, pretty.
 * Servers often send the structured content again as JSON text; then it is printed once, pretty, in its place.
 */
export function formatToolResult(result: CallToolResult): string {
  const structured = result.structuredContent;
  const repeated = structured !== undefined && result.content.some((item) => item.type === 'text' && isJsonOf(item.text, structured));
  const parts = result.content.map((item) => (repeated && item.type === 'text' && isJsonOf(item.text, structured) ? pretty(structured) : describeContent(item)));
  if (structured !== undefined && !repeated) parts.push(`structured content:\n${pretty(structured)}`);
  return parts.join('\n');
}
