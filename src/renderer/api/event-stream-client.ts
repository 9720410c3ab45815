/**
 * The headless host's events in the page: one Server-Sent Events connection to /api/events, shared
 * by every subscription, kept open for the life of the page.
 *
 * Nothing is lost silently across a dropped connection:
 * - the browser reconnects by itself with Last-Event-ID, and the host replays what was missed, or
 *   says `resync` when it cannot;
 * - when the browser gives up (the host was down, or answered 401), a new connection is opened
 *   with a growing delay;
 * - on `resync`, and whenever a new connection opens, the state is queried again and handed out as
 *   events: each server's health (unless a fresher one arrived meanwhile) and the log entries after
 *   the last one seen, in order, without duplicates.
 */
import { events, type EventName, type EventPayload, type LogEntry, type MethodInput, type MethodName, type MethodResult } from '../../shared/contract';
import { messageOf } from '../../shared/error-message';
import { parseEventPayload } from './contract-validation';

/** Not a contract event: the host could not replay what this page missed. */
const RESYNC_EVENT = 'resync';

/** The part of the browser's EventSource used here; tests pass a fake. */
export interface EventStreamSource {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void;
  close(): void;
}
export type OpenEventStream = (url: string) => EventStreamSource;
/** EventSource.CLOSED: the browser will not reconnect by itself. */
const CLOSED = 2;

type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodResult<M>>;
type Untyped = (payload: unknown) => void;

interface EventStreamClientOptions {
  url: string;
  open: OpenEventStream;
  call: Call;
  onProblem: (message: string) => void;
  reconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
}

/** A resync asks for at most this many missed log entries, the contract's largest page. */
const MAX_RESYNC_LOG_ENTRIES = 100_000;

export class EventStreamClient {
  private readonly listeners = new Map<EventName, Set<Untyped>>();
  private source: EventStreamSource | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private reconnectDelayMs: number;
  private lastLogSeq: number | undefined;
  /** While a resync fetches missed log entries, live ones wait here so the order stays by seq. */
  private heldLogEntries: LogEntry[] | undefined;
  /** Counts live server.health events per server, so a resync does not overwrite a fresher one. */
  private readonly healthEventsSeen = new Map<string, number>();

  constructor(private readonly options: EventStreamClientOptions) {
    this.reconnectDelayMs = options.reconnectDelayMs ?? 500;
  }

  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    const untyped = listener as Untyped;
    set.add(untyped);
    if (!this.source && this.reconnectTimer === undefined) this.connect();
    return () => {
      set.delete(untyped);
    };
  }

  private connect(): void {
    this.reconnectTimer = undefined;
    const source = this.options.open(this.options.url);
    this.source = source;
    let openedBefore = false;
    source.addEventListener('open', () => {
      this.reconnectDelayMs = this.options.reconnectDelayMs ?? 500;
      // A fresh connection has no Last-Event-ID, so whatever happened before it is unknown; later
      // opens of the same connection are the browser's own reconnects, which the host replays.
      if (!openedBefore) void this.resync();
      openedBefore = true;
    });
    for (const name of Object.keys(events) as EventName[]) {
      source.addEventListener(name, (message) => this.receive(name, message.data));
    }
    source.addEventListener(RESYNC_EVENT, () => void this.resync());
    source.addEventListener('error', () => {
      if (source.readyState !== CLOSED || this.source !== source) return;
      source.close();
      this.source = undefined;
      this.reconnectTimer = setTimeout(() => this.connect(), this.reconnectDelayMs);
      this.reconnectDelayMs = Math.min(this.reconnectDelayMs * 2, this.options.maxReconnectDelayMs ?? 30_000);
    });
  }

  private receive(name: EventName, data: unknown): void {
    let raw: unknown;
    try {
      raw = JSON.parse(typeof data === 'string' ? data : '');
    } catch {
      return this.options.onProblem(`Ignored a ${name} event that is not JSON.`);
    }
    const parsed = parseEventPayload(name, raw);
    if (!parsed.ok) return this.options.onProblem(parsed.problem);
    if (name === 'server.health') {
      const { serverId } = parsed.payload as EventPayload<'server.health'>;
      this.healthEventsSeen.set(serverId, (this.healthEventsSeen.get(serverId) ?? 0) + 1);
    }
    if (name === 'log.entry') return this.receiveLogEntry(parsed.payload as LogEntry);
    this.deliver(name, parsed.payload);
  }

  private receiveLogEntry(entry: LogEntry): void {
    if (this.heldLogEntries) this.heldLogEntries.push(entry);
    else this.receiveLogEntryNow(entry);
  }

  private deliver(name: EventName, payload: unknown): void {
    for (const listener of this.listeners.get(name) ?? []) {
      try {
        listener(payload);
      } catch (error) {
        // One broken view must not stop the others from hearing the event.
        this.options.onProblem(`A ${name} listener failed: ${messageOf(error)}`);
      }
    }
  }

  private async resync(): Promise<void> {
    await Promise.all([this.resyncHealth(), this.resyncLogs()]).catch((error: unknown) => {
      this.options.onProblem(`Could not catch up with MCP Tray after a lost connection: ${messageOf(error)}`);
    });
  }

  private async resyncHealth(): Promise<void> {
    const seenBefore = new Map(this.healthEventsSeen);
    const servers = await this.options.call('servers.list', {});
    this.deliver('servers.changed', { serverIds: servers.map((server) => server.id) });
    for (const server of servers) {
      // A live event that arrived while we asked is at least as new as this answer.
      if ((this.healthEventsSeen.get(server.id) ?? 0) !== (seenBefore.get(server.id) ?? 0)) continue;
      this.deliver('server.health', server.health);
    }
  }

  private async resyncLogs(): Promise<void> {
    // Without a last entry there is nothing to continue; a log view queries its own history.
    if (this.lastLogSeq === undefined || this.heldLogEntries) return;
    this.heldLogEntries = [];
    try {
      const { entries } = await this.options.call('logs.query', { afterSeq: this.lastLogSeq, limit: MAX_RESYNC_LOG_ENTRIES });
      for (const entry of entries) this.receiveLogEntryNow(entry);
    } finally {
      const held = this.heldLogEntries;
      this.heldLogEntries = undefined;
      for (const entry of held) this.receiveLogEntryNow(entry);
    }
  }

  private receiveLogEntryNow(entry: LogEntry): void {
    if (this.lastLogSeq !== undefined && entry.seq <= this.lastLogSeq) return;
    this.lastLogSeq = entry.seq;
    this.deliver('log.entry', entry);
  }
}
