/** Text beyond this is cut: a model gains little from more, and it would crowd out everything else. */
export const MAX_TEXT_BYTES = 1024 * 1024;

/** Git and GitHub decide "binary" from the first few KB the same way: a NUL byte, or bytes that are not text. */
const BINARY_SNIFF_BYTES = 8000;

export type FileContent =
  | { kind: 'text'; text: string; truncated: boolean; shownBytes: number }
  | { kind: 'binary'; typeGuess: string };

/**
 * Classifies a file from its first bytes (at most MAX_TEXT_BYTES of them) and its full size.
 * Text is decoded as UTF-8 and cut at a character boundary; binary files get a type guess instead of content.
 */
export function classifyFileContent(prefix: Uint8Array, totalSize: number, fileName: string): FileContent {
  if (looksBinary(prefix)) return { kind: 'binary', typeGuess: guessFileType(prefix, fileName) };
  const shown = prefix.subarray(0, MAX_TEXT_BYTES);
  // stream: true holds back a character split by the cut instead of turning it into U+FFFD.
  const decoder = new TextDecoder('utf-8');
  const text = decoder.decode(shown, { stream: shown.length < totalSize });
  return { kind: 'text', text, truncated: totalSize > shown.length, shownBytes: Buffer.byteLength(text, 'utf8') };
}

export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sample.includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return false;
  } catch {
    return true;
  }
}

const MAGIC_NUMBERS: ReadonlyArray<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'PNG image'],
  [[0xff, 0xd8, 0xff], 'JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'ZIP archive (or a format built on ZIP: jar, docx, xlsx, ...)'],
  [[0x1f, 0x8b], 'gzip-compressed data'],
  [[0x7f, 0x45, 0x4c, 0x46], 'ELF executable or library'],
  [[0x00, 0x61, 0x73, 0x6d], 'WebAssembly module'],
  [[0x4d, 0x5a], 'Windows executable'],
  [[0xca, 0xfe, 0xba, 0xbe], 'Java class file or Mach-O universal binary'],
  [[0x00, 0x00, 0x01, 0x00], 'ICO icon'],
  [[0x77, 0x4f, 0x46, 0x32], 'WOFF2 font'],
  [[0x77, 0x4f, 0x46, 0x46], 'WOFF font'],
];

const EXTENSIONS: Readonly<Record<string, string>> = {
  png: 'PNG image',
  jpg: 'JPEG image',
  jpeg: 'JPEG image',
  gif: 'GIF image',
  webp: 'WebP image',
  ico: 'ICO icon',
  bmp: 'BMP image',
  pdf: 'PDF document',
  zip: 'ZIP archive',
  gz: 'gzip-compressed data',
  tgz: 'gzip-compressed tar archive',
  jar: 'Java archive',
  wasm: 'WebAssembly module',
  exe: 'Windows executable',
  dll: 'Windows library',
  so: 'shared library',
  dylib: 'macOS library',
  woff: 'WOFF font',
  woff2: 'WOFF2 font',
  ttf: 'TrueType font',
  otf: 'OpenType font',
  mp3: 'MP3 audio',
  mp4: 'MP4 video',
  mov: 'QuickTime video',
  sqlite: 'SQLite database',
  db: 'database file',
};

/** The first bytes are more trustworthy than the name; the name decides when they are not recognised. */
export function guessFileType(bytes: Uint8Array, fileName: string): string {
  for (const [magic, type] of MAGIC_NUMBERS) {
    if (magic.every((byte, index) => bytes[index] === byte)) return type;
  }
  if (bytes[0] === 0x52 && bytes[1] === 0x49 && bytes[2] === 0x46 && bytes[3] === 0x46 && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') {
    return 'WebP image';
  }
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return (extension && EXTENSIONS[extension]) ?? 'unknown binary data';
}

/** Reads at most maxBytes from a stream and cancels the rest, so a 90 MB file costs 1 MB of memory. */
export async function readPrefix(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    while (length < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.length;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, maxBytes);
}
