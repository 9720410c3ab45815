import { callClientMatcher } from '../../shared/call-client';
import { LogLevelSchema, type LogEntry, type LogLevel } from '../../shared/contract';

interface LogFilter {
  /** Entries at this level or above. */
  minLevel: LogLevel;
  /** Case-insensitive substring of the message or the fields; empty matches everything. */
  text: string;
  /** Only the calls this client made (any case); empty keeps every line. */
  client: string;
}

const LEVEL_RANK: Record<LogLevel, number> = Object.fromEntries(LogLevelSchema.options.map((level, index) => [level, index])) as Record<LogLevel, number>;

// Lower-casing and stringifying fields once per entry keeps each keystroke of a search cheap.
const haystacks = new WeakMap<LogEntry, string>();

function haystackOf(entry: LogEntry): string {
  let haystack = haystacks.get(entry);
  if (haystack === undefined) {
    haystack = entry.fields ? `${entry.message}\n${JSON.stringify(entry.fields)}`.toLowerCase() : entry.message.toLowerCase();
    haystacks.set(entry, haystack);
  }
  return haystack;
}

type LineTest = (entry: LogEntry) => boolean;

function matchesFilter(entry: LogEntry, minRank: number, needle: string, byClient: LineTest | undefined): boolean {
  if (LEVEL_RANK[entry.level] < minRank) return false;
  if (byClient !== undefined && !byClient(entry)) return false;
  return needle === '' || haystackOf(entry).includes(needle);
}

/** Index of the first entry whose seq is greater than `seq` (entries are in increasing seq order). */
export function firstIndexAfter(entries: readonly { seq: number }[], seq: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((entries[middle]?.seq ?? Number.POSITIVE_INFINITY) <= seq) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The entries of a growing buffer that pass a filter, kept up to date incrementally: with the
 * same filter, only entries that arrived since the last update are examined, so a live tail over
 * 100,000 entries stays cheap. A new filter rebuilds from scratch.
 */
export class FilteredLog {
  private key: string | null = null;
  private result: LogEntry[] = [];
  private scannedSeq = Number.NEGATIVE_INFINITY;
  private oldestSeq = Number.POSITIVE_INFINITY;

  update(entries: readonly LogEntry[], filter: LogFilter): readonly LogEntry[] {
    const needle = filter.text.trim().toLowerCase();
    const client = filter.client.trim().toLowerCase();
    const key = `${filter.minLevel}\u0000${client}\u0000${needle}`;
    const newest = entries[entries.length - 1]?.seq ?? Number.NEGATIVE_INFINITY;
    const oldest = entries[0]?.seq ?? Number.POSITIVE_INFINITY;
    // A changed filter, a buffer that was cleared or restarted, or older entries added at the front
    // (a backfill) invalidate what we have.
    if (key !== this.key || newest < this.scannedSeq || oldest < this.oldestSeq) {
      this.key = key;
      this.result = [];
      this.scannedSeq = Number.NEGATIVE_INFINITY;
    }
    this.oldestSeq = oldest;
    const dropped = firstIndexAfter(this.result, oldest - 1);
    if (dropped > 0) this.result.splice(0, dropped);

    const minRank = LEVEL_RANK[filter.minLevel];
    const byClient = client === '' ? undefined : callClientMatcher(client);
    for (let index = firstIndexAfter(entries, this.scannedSeq); index < entries.length; index += 1) {
      const entry = entries[index];
      if (entry && matchesFilter(entry, minRank, needle, byClient)) this.result.push(entry);
    }
    this.scannedSeq = newest;
    return this.result;
  }
}
