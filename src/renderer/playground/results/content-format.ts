/** Small facts about content blocks and resource contents that the views need. */

export function dataUrl(mimeType: string, base64: string): string {
  return `data:${mimeType};base64,${base64}`;
}

/** The decoded size of base64 data, without decoding it (blobs can be large). */
export function base64ByteLength(base64: string): number {
  const clean = base64.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}

export function isJsonMimeType(mimeType: string | undefined): boolean {
  return mimeType !== undefined && /^application\/(.+\+)?json\b|\/json$/i.test(mimeType);
}

export function isImageMimeType(mimeType: string | undefined): boolean {
  // SVG can carry script; an <img> would not run it, but there is no need to find out.
  return mimeType !== undefined && /^image\/(png|jpe?g|gif|webp|avif|bmp)$/i.test(mimeType);
}

export function isAudioMimeType(mimeType: string | undefined): boolean {
  return mimeType !== undefined && /^audio\//i.test(mimeType);
}

/** Links open outside the app only for the web; other schemes (file:, custom) are shown, not followed. */
export function isWebUrl(uri: string): boolean {
  return /^https?:\/\//i.test(uri);
}

/** Ctrl+Enter (Cmd+Enter on macOS) runs the call from anywhere in the tool's panel. */
export function isRunShortcut(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey;
}
