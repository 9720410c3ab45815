import { createRedactor, type Redactor } from '../../shared/redact';
import { messageFilter, type MessageBufferStats, type MessageDetail, type MessageDirection, type MessageFilters, type MessageKind, type MessageSummary } from '../../shared/messages-contract';

/** One message as the journal keeps it: its raw text, redacted only when it is read. */
export interface JournalEntry {
  seq: number;
  time: number;
  direction: MessageDirection;
  kind: MessageKind;
  method: string | null;
  id: string | number | null;
  bytes: number;
  latencyMs: number | null;
  session: string | null;
  callId: string | null;
  /** The line as it crossed the wire; undefined when it alone was larger than the whole buffer. */
  text: string | undefined;
}

export type NewJournalEntry = Omit<JournalEntry, 'seq'>;

export interface MessageJournalOptions {
  serverId: string;
  /** Read at every append, so a changed setting applies at once. */
  maxBytes(): number;
  maxCount: number;
  /** A message was journaled (called on the wire's hot path: it must stay cheap). */
  onAppend?(): void;
}

/** Once this many entries are dropped from the front, the array is compacted. */
const COMPACT_AFTER = 4_096;

/**
 * One server's JSON-RPC messages, oldest first, bounded in bytes and in count: the oldest go first.
 * Text is kept as it was on the wire and redacted when it leaves (the hot path stays a push).
 */
export class MessageJournal {
  private entries: JournalEntry[] = [];
  /** Index in `entries` of the oldest entry still kept. */
  private head = 0;
  private nextSeq = 1;
  private bytesUsed = 0;
  private dropped = 0;
  private readonly secretValues = new Set<string>();
  private redactor: Redactor = createRedactor();

  constructor(private readonly options: MessageJournalOptions) {}

  get serverId(): string {
    return this.options.serverId;
  }

  /** The newest message's seq, 0 before the first: the afterSeq that follows on from here. */
  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  /** The secret values the server was started with: taken out of everything read from here on (kept after a change too). */
  addSecrets(values: readonly string[]): void {
    const before = this.secretValues.size;
    for (const value of values) this.secretValues.add(value);
    if (this.secretValues.size !== before) this.redactor = createRedactor(this.secretValues);
  }

  /** Takes `input` as the entry itself (no copy on the hot path): the caller hands over a fresh object. */
  append(input: NewJournalEntry): void {
    const maxBytes = this.options.maxBytes();
    const entry: JournalEntry = Object.assign(input, { seq: this.nextSeq++ });
    if (entry.bytes > maxBytes) entry.text = undefined;
    this.entries.push(entry);
    this.bytesUsed += keptBytes(entry);
    this.trim(maxBytes);
    this.options.onAppend?.();
  }

  stats(): MessageBufferStats {
    return { bytesUsed: this.bytesUsed, maxBytes: this.options.maxBytes(), count: this.entries.length - this.head, maxCount: this.options.maxCount, dropped: this.dropped };
  }

  /** The matching messages after `afterSeq`, oldest first, at most `limit`; without `afterSeq` the newest `limit`. */
  query(afterSeq: number | undefined, limit: number, filters: MessageFilters): MessageSummary[] {
    const matches = messageFilter(filters);
    const found: JournalEntry[] = [];
    if (afterSeq !== undefined) {
      for (let index = Math.max(this.head, this.indexOf(afterSeq + 1)); index < this.entries.length && found.length < limit; index++) {
        const entry = this.entries[index] as JournalEntry;
        if (matches(entry)) found.push(entry);
      }
    } else {
      for (let index = this.entries.length - 1; index >= this.head && found.length < limit; index--) {
        const entry = this.entries[index] as JournalEntry;
        if (matches(entry)) found.push(entry);
      }
      found.reverse();
    }
    return found.map((entry) => this.summaryOf(entry));
  }

  /** Every session label in the buffer, in the order first seen. */
  sessions(): string[] {
    const seen = new Set<string>();
    for (let index = this.head; index < this.entries.length; index++) {
      const session = this.entries[index]?.session;
      if (session) seen.add(session);
    }
    return [...seen];
  }

  /** One message whole, redacted; undefined once it has left the buffer. */
  get(seq: number): MessageDetail | undefined {
    const index = this.indexOf(seq);
    const entry = index >= this.head ? this.entries[index] : undefined;
    if (!entry || entry.seq !== seq) return undefined;
    const kept = entry.text !== undefined;
    const json = kept ? this.redactor(entry.text as string) : `The message (${entry.bytes} bytes) was larger than the whole message buffer, so only its summary was kept. Raise "Messages kept per server" in Settings to keep it.`;
    return { ...this.summaryOf(entry), json, kept };
  }

  private indexOf(seq: number): number {
    const first = this.entries[this.head];
    return first ? this.head + (seq - first.seq) : this.head;
  }

  /** What may leave the core of one entry: everything but its text, redacted; built only when asked for. */
  private summaryOf(entry: JournalEntry): MessageSummary {
    return {
      seq: entry.seq,
      serverId: this.options.serverId,
      time: new Date(entry.time).toISOString(),
      direction: entry.direction,
      kind: entry.kind,
      method: entry.method === null ? null : this.redactor(entry.method),
      id: typeof entry.id === 'string' ? this.redactor(entry.id) : entry.id,
      bytes: entry.bytes,
      latencyMs: entry.latencyMs,
      session: entry.session,
      callId: entry.callId,
    };
  }

  private trim(maxBytes: number): void {
    const { maxCount } = this.options;
    while (this.entries.length - this.head > 1 && (this.bytesUsed > maxBytes || this.entries.length - this.head > maxCount)) {
      const oldest = this.entries[this.head] as JournalEntry;
      this.bytesUsed -= keptBytes(oldest);
      this.head++;
      this.dropped++;
    }
    if (this.head >= COMPACT_AFTER && this.head * 2 >= this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }
}

function keptBytes(entry: JournalEntry): number {
  return entry.text === undefined ? 0 : entry.bytes;
}
