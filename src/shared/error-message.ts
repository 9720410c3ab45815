/** The message of anything thrown: an Error's own message, anything else as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The message as a reason inside a sentence: trimmed, without its final full stop, never empty. */
export function reasonOf(error: unknown): string {
  return messageOf(error).trim().replace(/\.$/, '') || 'unknown error';
}
