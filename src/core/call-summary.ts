import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

const PREVIEW_CHARS = 500;

/** A short, log-sized description of a tool result: the start of its text, the kinds of anything else. */
export function summarizeCallResult(result: CallToolResult): string {
  const parts: string[] = [];
  for (const item of result.content ?? []) {
    if (item.type === 'text') parts.push(item.text);
    else if (item.type === 'image' || item.type === 'audio') parts.push(`[${item.type} ${item.mimeType}, ${Math.round((item.data.length * 3) / 4 / 1024)} KB]`);
    else if (item.type === 'resource_link') parts.push(`[link ${item.uri}]`);
    else if (item.type === 'resource') parts.push(`[resource ${item.resource.uri}]`);
  }
  const text = parts.join(' ').replace(/\s+/g, ' ').trim();
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
}
