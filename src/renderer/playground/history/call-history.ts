/**
 * The last calls of each tool, per server, kept in storage so they survive a restart. Newest first,
 * at most `limit` per tool. Entries that no longer parse (an older format, a hand edit) are dropped
 * rather than breaking the playground.
 */
import { z } from 'zod';
import type { KeyValueStorage } from '../key-value-storage';

const CallHistoryEntrySchema = z.object({
  id: z.string(),
  /** When the call started, ISO 8601. */
  at: z.string(),
  arguments: z.record(z.string(), z.unknown()),
  /** ok: a result; error: a result with isError; failed: no result (not running, timeout, cancelled...). */
  outcome: z.enum(['ok', 'error', 'failed']),
  /** The contract error code when the call failed. */
  errorCode: z.string().optional(),
  /** One line: the start of the result text or the error message. */
  summary: z.string(),
  durationMs: z.number().nullable(),
});
export type CallHistoryEntry = z.infer<typeof CallHistoryEntrySchema>;

const StoredHistorySchema = z.array(z.unknown());

const HISTORY_LIMIT = 50;
const SUMMARY_LENGTH = 160;
const NO_ENTRIES: readonly CallHistoryEntry[] = Object.freeze([]);

export function historyKey(serverId: string, toolName: string): string {
  return `mcp-tray.playground.history.v1:${serverId}:${encodeURIComponent(toolName)}`;
}

/** The first line of a text, shortened: what a history row has room for. */
export function summarize(text: string): string {
  // Only the start is looked at: a result can be many MB.
  const firstLine = text.trimStart().slice(0, SUMMARY_LENGTH + 1).split('\n')[0]?.trimEnd() ?? '';
  return firstLine.length > SUMMARY_LENGTH ? `${firstLine.slice(0, SUMMARY_LENGTH - 1)}…` : firstLine;
}

export class CallHistoryStore {
  // Cached lists keep their identity between reads, which React's useSyncExternalStore relies on.
  private readonly cache = new Map<string, readonly CallHistoryEntry[]>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly limit = HISTORY_LIMIT,
  ) {}

  list(serverId: string, toolName: string): readonly CallHistoryEntry[] {
    const key = historyKey(serverId, toolName);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const entries = this.load(key);
    this.cache.set(key, entries);
    return entries;
  }

  record(serverId: string, toolName: string, entry: CallHistoryEntry): void {
    const key = historyKey(serverId, toolName);
    const entries = [entry, ...this.list(serverId, toolName).filter((existing) => existing.id !== entry.id)].slice(0, this.limit);
    this.cache.set(key, entries);
    this.save(key, entries);
    this.notify();
  }

  clear(serverId: string, toolName: string): void {
    const key = historyKey(serverId, toolName);
    this.cache.set(key, NO_ENTRIES);
    this.storage.removeItem(key);
    this.notify();
  }

  /** An arrow so React can hold it unbound (useSyncExternalStore). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  private load(key: string): readonly CallHistoryEntry[] {
    const text = this.storage.getItem(key);
    if (text === null) return NO_ENTRIES;
    try {
      const stored = StoredHistorySchema.safeParse(JSON.parse(text));
      if (!stored.success) return NO_ENTRIES;
      return stored.data.flatMap((item) => {
        const entry = CallHistoryEntrySchema.safeParse(item);
        return entry.success ? [entry.data] : [];
      });
    } catch {
      return NO_ENTRIES;
    }
  }

  /** When storage is full, keeps the newer half and tries again; the list in memory stays whole. */
  private save(key: string, entries: readonly CallHistoryEntry[]): void {
    let kept = entries;
    while (kept.length > 0) {
      try {
        this.storage.setItem(key, JSON.stringify(kept));
        return;
      } catch {
        kept = kept.slice(0, Math.floor(kept.length / 2));
      }
    }
    this.storage.removeItem(key);
  }
}
