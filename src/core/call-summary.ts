import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

const PREVIEW_CHARS = 500;

/** A short, log-sized description of a tool result: the start of its text, the kinds of anything else. */
export function summarizeCallResult(result: CallToolResult): string {
  // Only the start is kept, so a megabyte of text is never joined or scanned whole: read a few
  // times the preview (runs of whitespace shrink to one space), and no further.
  const budget = PREVIEW_CHARS * 4;
  let text = '';
  let cut = false;
  for (const item of result.content ?? []) {
    const part = describeContent(item);
    if (part === undefined) continue;
    if (text.length + part.length + 1 > budget) {
      text += ` ${part.slice(0, budget - text.length)}`;
      cut = true;
      break;
    }
    text += ` ${part}`;
  }
  const preview = text.replace(/\s+/g, ' ').trim();
  return preview.length > PREVIEW_CHARS || cut ? `${preview.slice(0, PREVIEW_CHARS)}…` : preview;
}

function describeContent(item: CallToolResult['content'][number]): string | undefined {
  if (item.type === 'text') return item.text;
  if (item.type === 'image' || item.type === 'audio') return `[${item.type} ${item.mimeType}, ${Math.round((item.data.length * 3) / 4 / 1024)} KB]`;
  if (item.type === 'resource_link') return `[link ${item.uri}]`;
  if (item.type === 'resource') return `[resource ${item.resource.uri}]`;
  return undefined;
}
