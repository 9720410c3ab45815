/**
 * One timeline per server: stderr lines, MCP logging notifications, lifecycle events and tool
 * calls. Entries are redacted and size-capped before anything else sees them, kept in a ring
 * buffer per server, written to rotating JSONL files (see log-files.ts for the drop policy),
 * and emitted to subscribers.
 *
 * Memory is bounded per server by `bufferSize` entries (each at most a 16 K-character message
 * plus 16 K characters of fields) and by the file writer's pending-bytes limit.
 */
import type { z } from 'zod';
import { ServerIdSchema, type LogEntry, type LogLevel, type LogQuerySchema, type LogSource } from '../shared/contract';
import { callClientMatcher } from '../shared/call-client';
import { messageOf } from '../shared/error-message';
import { DEFAULT_LOG_FILE_LIMITS, LogFileWriter, logFilePath, removeLogFiles, type DroppedLines, type LogFileLimits } from './log-files';
import { EntryRedactor, type SafeFields } from './log-redaction';
import { checkedRingCapacity, RingBuffer } from './log-ring';
import { parseStderrLine } from './stderr-line';

export interface LogInput {
  serverId: string;
  level: LogLevel;
  source: LogSource;
  message: string;
  fields?: Record<string, unknown>;
  time?: Date;
}

export interface LogStoreOptions {
  /** Folder for the JSONL files; null keeps logs in memory only. */
  dir: string | null;
  /** Entries kept in memory per server (default 5,000). */
  bufferSize: number;
  /** Size at which a server's file is rotated (default 5 MB). */
  maxFileBytes?: number;
  /** Files kept per server, the current one included (default 5). */
  maxFiles?: number;
  /** Bytes per server that may wait for the disk before new lines are dropped from the file (default 8 MB). */
  maxPendingBytes?: number;
  /**
   * Problems the store survived: a file write failing (once per failure streak per server), a
   * server id unusable as a file name, a subscriber throwing (once per subscriber).
   */
  onError?: (error: Error) => void;
}

export type LogStoreQuery = z.output<typeof LogQuerySchema>;
type LogListener = (entry: LogEntry) => void;

/** Longest a line given to appendSoon waits: under one frame, so a live view never shows it late. */
const SOON_MS = 10;
/** Waiting lines at which they are stored at once, so a burst of calls cannot pile them up. */
const MAX_WAITING = 32;

const LEVEL_RANK: Readonly<Record<LogLevel, number>> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };

/** What the ring keeps: fields as their JSON text, which is smaller than the object and searchable. */
interface StoredEntry {
  seq: number;
  timeMs: number;
  level: LogLevel;
  source: LogSource;
  message: string;
  fieldsJson: string | undefined;
}

interface ServerLog {
  ring: RingBuffer<StoredEntry>;
  /** The server id as a JSON string, computed once instead of on every line written. */
  idJson: string;
  writer: LogFileWriter | undefined;
}

export class LogStore {
  private readonly servers = new Map<string, ServerLog>();
  private readonly redactors = new Map<string, EntryRedactor>();
  private readonly defaultRedactor = new EntryRedactor();
  private readonly listeners = new Set<LogListener>();
  private readonly reportedListeners = new WeakSet<LogListener>();
  /** Writers of removed servers still finishing their last writes; flush() and close() wait for them. */
  private readonly closingWriters = new Set<Promise<void>>();
  private readonly fileLimits: LogFileLimits;
  private bufferSize: number;
  private lastSeq = 0;
  private closed = false;
  private waiting: Array<() => LogInput> = [];
  private waitingTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: LogStoreOptions) {
    this.bufferSize = checkedRingCapacity(options.bufferSize);
    this.fileLimits = {
      ...DEFAULT_LOG_FILE_LIMITS,
      maxFileBytes: positiveInteger('maxFileBytes', options.maxFileBytes ?? DEFAULT_LOG_FILE_LIMITS.maxFileBytes),
      maxFiles: positiveInteger('maxFiles', options.maxFiles ?? DEFAULT_LOG_FILE_LIMITS.maxFiles),
      maxPendingBytes: positiveInteger('maxPendingBytes', options.maxPendingBytes ?? DEFAULT_LOG_FILE_LIMITS.maxPendingBytes),
    };
  }

  /** The values injected into this server's environment; redacted from its entries from now on. */
  setSecrets(serverId: string, values: Iterable<string>): void {
    this.redactors.set(serverId, new EntryRedactor(values));
  }

  append(input: LogInput): LogEntry {
    return this.add(input.serverId, input.level, input.source, input.message, input.fields, input.time);
  }

  /**
   * For a line on someone else's hot path (one per tool call): it is built and stored within
   * SOON_MS, in a batch, rather than on the caller's time. Order is kept: any other append, a
   * query, a flush or a close stores the waiting lines first.
   */
  appendSoon(build: () => LogInput): void {
    this.waiting.push(build);
    if (this.waiting.length >= MAX_WAITING) this.storeWaiting();
    else if (!this.waitingTimer) this.waitingTimer = setTimeout(() => this.storeWaiting(), SOON_MS).unref();
  }

  /** The hot path: one call per stderr line, possibly 100,000 in a burst. */
  appendStderrLine(serverId: string, line: string): LogEntry {
    const parsed = parseStderrLine(line);
    return this.add(serverId, parsed.level, 'stderr', parsed.message, parsed.fields, parsed.time);
  }

  /** The newest `limit` matching entries, returned oldest first. */
  query(query: LogStoreQuery): LogEntry[] {
    this.storeWaiting();
    const matches = entryMatcher(query);
    const picked: Array<{ serverId: string; stored: StoredEntry }> = [];
    const logs: Array<[string, ServerLog]> = [];
    if (query.serverId === undefined) {
      logs.push(...this.servers);
    } else {
      const log = this.servers.get(query.serverId);
      if (log) logs.push([query.serverId, log]);
    }
    for (const [serverId, log] of logs) {
      let taken = 0;
      // Newest first, so a tail (afterSeq) or a small limit stops early instead of scanning everything.
      for (let index = log.ring.size - 1; index >= 0 && taken < query.limit; index--) {
        const stored = log.ring.at(index);
        if (!stored) break;
        if (query.afterSeq !== undefined && stored.seq <= query.afterSeq) break;
        if (!matches(stored)) continue;
        picked.push({ serverId, stored });
        taken++;
      }
    }
    picked.sort((a, b) => a.stored.seq - b.stored.seq);
    return picked.slice(-query.limit).map(({ serverId, stored }) => toLogEntry(serverId, stored));
  }

  /** How many lines of a server are kept in memory, and the file every line is written to (null when none is). */
  storageOf(serverId: string): { linesInMemory: number; file: string | null; maxFileBytes: number; maxFiles: number } {
    const { dir } = this.options;
    return {
      linesInMemory: this.bufferSize,
      file: dir !== null && ServerIdSchema.safeParse(serverId).success ? logFilePath(dir, serverId) : null,
      maxFileBytes: this.fileLimits.maxFileBytes,
      maxFiles: this.fileLimits.maxFiles,
    };
  }

  /** Calls `listener` with every new entry; returns the function that stops it. */
  subscribe(listener: LogListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  setBufferSize(size: number): void {
    this.bufferSize = checkedRingCapacity(size);
    for (const log of this.servers.values()) log.ring.resize(size);
  }

  /**
   * Forgets the server's buffer and deletes its log files (those of earlier runs too), once its last
   * writes are done. Its secrets stay redacted in case it logs again.
   */
  async removeServer(serverId: string): Promise<void> {
    this.storeWaiting();
    const log = this.servers.get(serverId);
    this.servers.delete(serverId);
    if (log?.writer) await this.closeWriterInBackground(log.writer);
    if (this.options.dir !== null && ServerIdSchema.safeParse(serverId).success) await removeLogFiles(this.options.dir, serverId);
  }

  /** Resolves when every entry appended so far is on disk (or reported as not written). Never rejects. */
  async flush(): Promise<void> {
    this.storeWaiting();
    const pending: Array<Promise<void>> = [...this.closingWriters];
    for (const log of this.servers.values()) if (log.writer) pending.push(log.writer.flush());
    await Promise.all(pending);
  }

  /** Writes what is pending and closes the files. Later entries are still kept in memory and emitted, never written. */
  async close(): Promise<void> {
    this.storeWaiting();
    this.closed = true;
    for (const log of this.servers.values()) {
      if (log.writer) this.closeWriterInBackground(log.writer);
      log.writer = undefined;
    }
    await Promise.all([...this.closingWriters]);
  }

  private storeWaiting(): void {
    if (this.waitingTimer) clearTimeout(this.waitingTimer);
    this.waitingTimer = undefined;
    if (this.waiting.length === 0) return;
    const batch = this.waiting;
    this.waiting = [];
    for (const build of batch) {
      let input: LogInput;
      try {
        input = build();
      } catch (error) {
        this.reportError(new Error(`A log line could not be built: ${messageOf(error)}`, { cause: error }));
        continue;
      }
      this.store(input.serverId, input.level, input.source, input.message, input.fields, input.time);
    }
  }

  private add(serverId: string, level: LogLevel, source: LogSource, rawMessage: string, rawFields: Record<string, unknown> | undefined, time: Date | undefined): LogEntry {
    if (this.waiting.length > 0) this.storeWaiting();
    return this.store(serverId, level, source, rawMessage, rawFields, time);
  }

  private store(serverId: string, level: LogLevel, source: LogSource, rawMessage: string, rawFields: Record<string, unknown> | undefined, time: Date | undefined): LogEntry {
    const redactor = this.redactors.get(serverId) ?? this.defaultRedactor;
    const message = redactor.text(rawMessage);
    const fields: SafeFields | undefined = rawFields ? redactor.fields(rawFields) : undefined;
    const givenMs = time?.getTime();
    const timeMs = givenMs !== undefined && !Number.isNaN(givenMs) ? givenMs : Date.now();
    const isoTime = new Date(timeMs).toISOString();
    const seq = ++this.lastSeq;
    const log = this.serverLog(serverId);

    log.ring.push({ seq, timeMs, level, source, message, fieldsJson: fields?.json });
    if (log.writer) {
      // Built by hand so the fields, already serialised for the ring, are not serialised again.
      const fieldsPart = fields ? `,"fields":${fields.json}` : '';
      log.writer.enqueue(
        `{"seq":${seq},"serverId":${log.idJson},"time":"${isoTime}","level":"${level}","source":"${source}","message":${JSON.stringify(message)}${fieldsPart}}\n`,
      );
    }

    const entry: LogEntry = { seq, serverId, time: isoTime, level, source, message };
    if (fields) entry.fields = fields.value;
    this.emit(entry);
    return entry;
  }

  private serverLog(serverId: string): ServerLog {
    let log = this.servers.get(serverId);
    if (!log) {
      log = { ring: new RingBuffer(this.bufferSize), idJson: JSON.stringify(serverId), writer: undefined };
      this.servers.set(serverId, log);
      log.writer = this.createWriter(serverId);
    }
    return log;
  }

  private createWriter(serverId: string): LogFileWriter | undefined {
    if (this.options.dir === null || this.closed) return undefined;
    if (!ServerIdSchema.safeParse(serverId).success) {
      this.reportError(new Error(`Logs of server "${serverId}" are kept in memory only: its id cannot be used as a file name.`));
      return undefined;
    }
    const writer: LogFileWriter = new LogFileWriter(this.options.dir, serverId, this.fileLimits, {
      onWriteError: (error) => this.reportError(error),
      onLinesDropped: (dropped) => {
        // Only a writer still in use reports into the timeline; a removed server must not reappear.
        if (this.servers.get(serverId)?.writer !== writer) return;
        this.add(serverId, 'warn', 'lifecycle', describeDropped(dropped, writer.filePath), undefined, undefined);
      },
    });
    return writer;
  }

  private closeWriterInBackground(writer: LogFileWriter): Promise<void> {
    const closing = writer.close().finally(() => this.closingWriters.delete(closing));
    this.closingWriters.add(closing);
    return closing;
  }

  private emit(entry: LogEntry): void {
    for (const listener of this.listeners) {
      try {
        listener(entry);
      } catch (error) {
        if (this.reportedListeners.has(listener)) continue;
        this.reportedListeners.add(listener);
        this.reportError(new Error(`A log subscriber threw (${messageOf(error)}); it keeps receiving entries.`, { cause: error }));
      }
    }
  }

  private reportError(error: Error): void {
    try {
      this.options.onError?.(error);
    } catch {
      // A broken error handler must not break logging itself.
    }
  }
}

function entryMatcher(query: LogStoreQuery): (stored: StoredEntry) => boolean {
  const minRank = query.minLevel ? LEVEL_RANK[query.minLevel] : undefined;
  const needle = query.text ? query.text.toLowerCase() : undefined;
  const sinceMs = query.since === undefined ? undefined : parseQueryTime('since', query.since);
  const untilMs = query.until === undefined ? undefined : parseQueryTime('until', query.until);
  const byClient = query.client === undefined ? undefined : clientMatcher(query.client);
  return (stored) =>
    (minRank === undefined || LEVEL_RANK[stored.level] >= minRank) &&
    (sinceMs === undefined || stored.timeMs >= sinceMs) &&
    (untilMs === undefined || stored.timeMs <= untilMs) &&
    (needle === undefined ||
      stored.message.toLowerCase().includes(needle) ||
      (stored.fieldsJson !== undefined && stored.fieldsJson.toLowerCase().includes(needle))) &&
    (byClient === undefined || byClient(stored));
}

/** Matches call lines whose `fields.client` is the name; parses only the fields whose text mentions it. */
function clientMatcher(client: string): (stored: StoredEntry) => boolean {
  const isBy = callClientMatcher(client);
  const mention = JSON.stringify(client.trim().toLowerCase());
  return (stored) =>
    stored.source === 'call' &&
    stored.fieldsJson !== undefined &&
    stored.fieldsJson.toLowerCase().includes(mention) &&
    isBy({ source: stored.source, fields: JSON.parse(stored.fieldsJson) as Record<string, unknown> });
}

function parseQueryTime(name: string, value: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`Log query "${name}" must be an ISO date and time (e.g. 2025-01-31T12:00:00Z); got "${value}".`);
  return ms;
}

function toLogEntry(serverId: string, stored: StoredEntry): LogEntry {
  const entry: LogEntry = {
    seq: stored.seq,
    serverId,
    time: new Date(stored.timeMs).toISOString(),
    level: stored.level,
    source: stored.source,
    message: stored.message,
  };
  if (stored.fieldsJson !== undefined) entry.fields = JSON.parse(stored.fieldsJson) as Record<string, unknown>;
  return entry;
}

function describeDropped({ behind, failed }: DroppedLines, filePath: string): string {
  const reasons = [behind > 0 ? `${behind} because the disk fell behind` : '', failed > 0 ? `${failed} because writing failed` : '']
    .filter(Boolean)
    .join(', ');
  return `${behind + failed} log entries were not written to ${filePath} (${reasons}); they were kept in memory.`;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`Log option ${name} must be a whole number of at least 1; got ${value}.`);
  return value;
}
