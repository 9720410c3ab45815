/** The pure parts of a completion list: which answer is current, and keyboard movement in the list. */

/** How long typing must pause before the server is asked (keystrokes in between cost nothing). */
export const COMPLETION_DEBOUNCE_MS = 250;

/** Numbers requests so that only the answer to the newest one is shown; an older answer is stale. */
export class LatestRequest {
  private latest = 0;

  next(): number {
    return ++this.latest;
  }

  isCurrent(request: number): boolean {
    return request === this.latest;
  }

  /** Makes every request on its way stale (the field was left or changed again). */
  cancel(): void {
    this.latest++;
  }
}

/** The option highlighted after a key: down and up wrap around; -1 is none. */
export function nextHighlight(current: number, count: number, key: string): number {
  if (count === 0) return -1;
  switch (key) {
    case 'ArrowDown':
      return current < 0 || current >= count - 1 ? 0 : current + 1;
    case 'ArrowUp':
      return current <= 0 ? count - 1 : current - 1;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return current;
  }
}

/** "3 suggestions", "10 of 42 suggestions", "10 suggestions, more on the server". */
export function completionSummary(shown: number, total: number | undefined, hasMore: boolean | undefined): string {
  const noun = (count: number) => (count === 1 ? 'suggestion' : 'suggestions');
  if (total !== undefined && total > shown) return `${shown} of ${total} ${noun(total)}`;
  return hasMore ? `${shown} ${noun(shown)}, more on the server` : `${shown} ${noun(shown)}`;
}
