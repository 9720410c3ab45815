/** The message of anything thrown, for errors that say what failed underneath. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
