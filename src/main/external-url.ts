/**
 * Which links leave the app for the default browser. Only plain https URLs: no credentials, no
 * other scheme (file:, smb: or a custom protocol handler could run something on the machine).
 */

/** The normalised URL to hand to shell.openExternal, or undefined to refuse. */
export function externalUrlToOpen(candidate: string): string | undefined {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  if (url.hostname === '') return undefined;
  return url.href;
}
