/** The largest message the manager takes from a server, in MB (2^20 bytes): a setting, shared by every surface. */
export const BYTES_PER_MB = 1024 * 1024;
export const DEFAULT_MAX_MESSAGE_MB = 64;
/** Far below V8's longest string (about 512 M characters), which one message must fit in after decoding. */
export const HIGHEST_MAX_MESSAGE_MB = 256;

/** "2.8 MB", "64 MB": one decimal, none when it is whole. */
export function formatMegabytes(bytes: number): string {
  const tenths = Math.round((bytes / BYTES_PER_MB) * 10) / 10;
  return `${tenths} MB`;
}
