/**
 * keytar, the native keychain module (libsecret and D-Bus on Linux), imported on first use so that
 * whatever imports its callers pays nothing until a secret is touched. Each caller checks the
 * functions it needs: the launcher only reads, the manager also writes and deletes.
 */
export async function importKeytar(): Promise<unknown> {
  const loaded: unknown = await import('keytar');
  // keytar is CommonJS: under ESM Node hands its exports over as the namespace's default.
  return typeof loaded === 'object' && loaded !== null && 'default' in loaded ? loaded.default : loaded;
}
