import type { LogEntry } from '../../shared/contract';

/**
 * The entries a log view holds, oldest first, at most `capacity` of them. Entries are unique by
 * `seq`: the initial query and the live events overlap, and the overlap must not show twice.
 * Mutated in place (copying 100,000 entries per incoming line would cost more than drawing them);
 * `version` changes whenever the contents do, for React to notice.
 */
export class LogBuffer<Entry extends { seq: number } = LogEntry> {
  private items: Entry[] = [];
  private currentVersion = 0;

  constructor(readonly capacity: number) {
    if (capacity < 1) throw new RangeError('A log buffer holds at least one entry.');
  }

  get entries(): readonly Entry[] {
    return this.items;
  }

  get version(): number {
    return this.currentVersion;
  }

  get lastSeq(): number {
    return this.items[this.items.length - 1]?.seq ?? Number.NEGATIVE_INFINITY;
  }

  /** Adds the entries newer than the newest held (in seq order); returns how many were added. */
  append(entries: readonly Entry[]): number {
    let added = 0;
    for (const entry of entries) {
      if (entry.seq <= this.lastSeq) continue;
      this.items.push(entry);
      added += 1;
    }
    const overflow = this.items.length - this.capacity;
    if (overflow > 0) this.items.splice(0, overflow);
    if (added > 0) this.currentVersion += 1;
    return added;
  }

  get firstSeq(): number {
    return this.items[0]?.seq ?? Number.POSITIVE_INFINITY;
  }

  /** Room left before the oldest entries start being dropped. */
  get room(): number {
    return this.capacity - this.items.length;
  }

  /**
   * Adds entries older than the oldest held (a backfill page, in seq order), as many as fit: the
   * newest of them, since older lines are the ones a full buffer gives up. Returns how many were added.
   */
  prepend(entries: readonly Entry[]): number {
    const firstSeq = this.firstSeq;
    const older = entries.filter((entry) => entry.seq < firstSeq);
    const fitting = older.slice(Math.max(0, older.length - this.room));
    if (fitting.length === 0) return 0;
    // concat, not unshift(...): spreading 100,000 arguments can overflow the call stack.
    this.items = fitting.concat(this.items);
    this.currentVersion += 1;
    return fitting.length;
  }

  clear(): void {
    if (this.items.length === 0) return;
    this.items.length = 0;
    this.currentVersion += 1;
  }
}
