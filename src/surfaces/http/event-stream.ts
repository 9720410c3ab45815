/**
 * `GET /api/events`: every contract event as Server-Sent Events, `event: <name>` and `data: <json>`,
 * to every connected page over one subscription to the manager.
 *
 * Reconnects lose nothing when they can: each event has an id (`<stream>.<n>`) and the last ones are
 * kept, so a browser that reconnects with Last-Event-ID gets what it missed. When that is no longer
 * possible (too long away, another host run), the stream says `event: resync` and the page re-queries
 * its state instead. Comment lines keep idle connections alive, and a page that stops reading is cut
 * off (it reconnects and catches up) rather than buffered without end.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { events, type EventName } from '../../shared/contract';
import type { WindowSeam } from '../../core/server-requests/server-request-desk';
import type { ContractPort } from '../contract-port';

/** Not a contract event: tells the page that events were lost and it should query its state again. */
const RESYNC_EVENT = 'resync';

export interface EventStreamOptions {
  heartbeatMs?: number;
  /** How many recent events are kept for replay, and how many bytes they may take. */
  replayEvents?: number;
  replayBytes?: number;
  /** A page this far behind is disconnected. */
  maxBufferedBytesPerClient?: number;
  /** What the browser waits before reconnecting (the SSE `retry:` field). */
  retryMs?: number;
}

interface StoredEvent {
  id: number;
  frame: string;
}

const DEFAULTS: Required<EventStreamOptions> = {
  heartbeatMs: 15_000,
  replayEvents: 10_000,
  replayBytes: 16 * 1024 * 1024,
  maxBufferedBytesPerClient: 8 * 1024 * 1024,
  retryMs: 1_000,
};

export class EventStreamHub {
  /** Distinguishes this run's ids from those of an earlier host on the same port. */
  private readonly streamId = randomBytes(4).toString('hex');
  private readonly options: Required<EventStreamOptions>;
  private readonly clients = new Set<ServerResponse>();
  private readonly recent: StoredEvent[] = [];
  private recentBytes = 0;
  private lastId = 0;
  private readonly unsubscribes: Array<() => void>;
  private readonly heartbeat: NodeJS.Timeout;

  /** `windows` hears of each page that listens: a person has MCP Tray open to answer a server's request. */
  constructor(target: Pick<ContractPort, 'on'>, options: EventStreamOptions = {}, private readonly windows?: WindowSeam) {
    this.options = { ...DEFAULTS, ...options };
    const names = Object.keys(events) as EventName[];
    this.unsubscribes = names.map((name) => target.on(name, (payload) => this.publish(name, payload)));
    this.heartbeat = setInterval(() => this.broadcast(': heartbeat\n\n'), this.options.heartbeatMs);
    this.heartbeat.unref();
  }

  get connectedClients(): number {
    return this.clients.size;
  }

  attach(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      // Proxies that buffer would hold events back.
      'X-Accel-Buffering': 'no',
    });
    response.socket?.setNoDelay(true);
    const lastEventId = request.headers['last-event-id'];
    const resumeFrom = typeof lastEventId === 'string' && lastEventId !== '' ? lastEventId : undefined;
    let opening = `retry: ${this.options.retryMs}\n\n`;
    if (resumeFrom === undefined) {
      // A bare id sets the browser's Last-Event-ID without dispatching anything, so even a stream that
      // drops before its first event resumes from here.
      opening += `id: ${this.idText(this.lastId)}\n\n`;
    } else {
      const missed = this.eventsAfter(resumeFrom);
      opening += missed ? missed.map((stored) => stored.frame).join('') : this.resyncFrame();
    }
    response.write(opening);
    this.clients.add(response);
    const closeWindow = this.windows?.attachWindow();
    const detach = () => {
      this.clients.delete(response);
      closeWindow?.();
    };
    response.on('close', detach);
    response.on('error', detach);
  }

  /** Ends every stream (the host is stopping) and lets go of the manager's events. */
  close(): void {
    clearInterval(this.heartbeat);
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private publish(name: EventName, payload: unknown): void {
    const id = ++this.lastId;
    // JSON.stringify escapes newlines, so the payload is always one `data:` line.
    const frame = `id: ${this.idText(id)}\nevent: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    this.remember({ id, frame });
    this.broadcast(frame);
  }

  private remember(stored: StoredEvent): void {
    this.recent.push(stored);
    this.recentBytes += stored.frame.length;
    while (this.recent.length > this.options.replayEvents || (this.recentBytes > this.options.replayBytes && this.recent.length > 1)) {
      const dropped = this.recent.shift();
      if (dropped) this.recentBytes -= dropped.frame.length;
    }
  }

  private broadcast(frame: string): void {
    for (const client of this.clients) {
      if (client.destroyed || client.writableEnded) continue;
      client.write(frame);
      // It reconnects with Last-Event-ID and catches up from `recent`, or resyncs.
      if (client.writableLength > this.options.maxBufferedBytesPerClient) client.destroy();
    }
  }

  private idText(id: number): string {
    return `${this.streamId}.${id}`;
  }

  /** The events after `lastEventId`, or undefined when they cannot all be replayed. */
  private eventsAfter(lastEventId: string): StoredEvent[] | undefined {
    const match = /^([0-9a-f]+)\.(\d+)$/.exec(lastEventId);
    if (!match || match[1] !== this.streamId) return undefined;
    const seen = Number(match[2]);
    if (seen > this.lastId) return undefined;
    if (seen === this.lastId) return [];
    const oldest = this.recent[0];
    if (!oldest || oldest.id > seen + 1) return undefined;
    return this.recent.filter((stored) => stored.id > seen);
  }

  private resyncFrame(): string {
    // Carries the current id, so the next reconnect resumes from here instead of asking again for what is gone.
    return `id: ${this.idText(this.lastId)}\nevent: ${RESYNC_EVENT}\ndata: {}\n\n`;
  }
}
