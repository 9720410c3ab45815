import { callClientOf } from '../../shared/call-client';
import type { LogEntry } from '../../shared/contract';
import { firstIndexAfter } from './log-filter';

/**
 * The clients whose calls appear in a growing log buffer, for the log's client filter. Like
 * FilteredLog it examines only the entries that arrived since the last update; names that differ
 * only in case are one client, shown as first seen.
 */
export class SeenClients {
  private readonly byKey = new Map<string, string>();
  private names: readonly string[] = [];
  private scannedSeq = Number.NEGATIVE_INFINITY;

  update(entries: readonly LogEntry[]): readonly string[] {
    const newest = entries[entries.length - 1]?.seq ?? Number.NEGATIVE_INFINITY;
    // A buffer that was cleared or restarted, or refilled from the front: look at all of it again.
    if (newest < this.scannedSeq || (entries[0]?.seq ?? Number.POSITIVE_INFINITY) <= this.scannedSeq) this.scannedSeq = Number.NEGATIVE_INFINITY;
    let added = false;
    for (let index = firstIndexAfter(entries, this.scannedSeq); index < entries.length; index += 1) {
      const entry = entries[index];
      const client = entry === undefined ? undefined : callClientOf(entry);
      if (client === undefined || this.byKey.has(client.toLowerCase())) continue;
      this.byKey.set(client.toLowerCase(), client);
      added = true;
    }
    this.scannedSeq = newest;
    if (added) this.names = [...this.byKey.values()].sort((a, b) => a.localeCompare(b));
    return this.names;
  }
}
