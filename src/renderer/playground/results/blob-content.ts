/** What a binary blob can become: a file to save, or text when its type says it is text. */

/** text/*, and the application types that are text in practice (JSON, XML, YAML, JavaScript). */
export function isTextualMimeType(mimeType: string | undefined): boolean {
  if (mimeType === undefined) return false;
  return /^text\//i.test(mimeType) || /^application\/([\w.+-]+\+)?(json|xml|yaml|x-yaml|javascript|ecmascript)\b/i.test(mimeType);
}

/** Decodes base64 as UTF-8; undefined when it is not base64. Bytes that are not UTF-8 show as U+FFFD. */
export function base64ToText(base64: string): string | undefined {
  const bytes = base64ToBytes(base64);
  return bytes === undefined ? undefined : new TextDecoder('utf-8').decode(bytes);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> | undefined {
  let binary: string;
  try {
    binary = atob(base64.replace(/\s/g, ''));
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
  'audio/wav': 'wav',
  'audio/mpeg': 'mp3',
  'application/pdf': 'pdf',
  'application/json': 'json',
  'application/zip': 'zip',
  'text/plain': 'txt',
  'text/html': 'html',
  'text/csv': 'csv',
  'text/markdown': 'md',
};

/**
 * A file name for a blob: the last part of its URI when it has one, else what it is, with an
 * extension from its MIME type when the name has none; safe on every OS.
 */
export function blobFileName(mimeType: string | undefined, uri?: string): string {
  const fromUri = uri?.split(/[?#]/)[0]?.split('/').filter((part) => part !== '').at(-1);
  const base = (fromUri ?? 'content').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'content';
  if (/\.[A-Za-z0-9]{1,8}$/.test(base)) return base;
  const type = mimeType?.split(';')[0]?.trim().toLowerCase();
  const extension = (type && EXTENSIONS[type]) ?? 'bin';
  return `${base}.${extension}`;
}
