/** The message of anything thrown, for errors that say what failed underneath. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
