/** How much of a text the result view renders: more makes the page slow to lay out and scroll. */
const PREVIEW_CHARS = 100_000;

interface TextPreview {
  /** What is rendered: the whole text, or its start. */
  shown: string;
  cut: boolean;
}

/** The start of a long text, never ending in half a surrogate pair (half an emoji). */
export function previewOf(text: string, limit = PREVIEW_CHARS): TextPreview {
  if (text.length <= limit) return { shown: text, cut: false };
  const end = isHighSurrogate(text.charCodeAt(limit - 1)) ? limit - 1 : limit;
  return { shown: text.slice(0, end), cut: true };
}

/** A download name from what the text came from (a tool or prompt name), safe on every OS. */
export function downloadNameFor(source: string): string {
  const base = source.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return `${base || 'result'}-result.txt`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
