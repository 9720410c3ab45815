import type { BridgeOpenRequest, BridgePort, BridgeSession, SessionPeer } from '../../src/core/bridge/bridge-port';
import { waitFor } from './chaos';

/** A parsed line the hub sent a session. */
export type SentMessage = { jsonrpc: '2.0'; id?: string | number | null; method?: string; params?: Record<string, unknown>; result?: Record<string, unknown>; error?: { code: number; message: string; data?: unknown } };

/** A session driven by hand: every line the hub sends is recorded, as it was written and parsed. */
export class RecordingPeer implements SessionPeer {
  readonly lines: string[] = [];
  closedWith: string | undefined;
  session!: BridgeSession;

  send(line: string): void {
    this.lines.push(line);
  }

  close(reason: string): void {
    this.closedWith = reason;
  }

  get messages(): SentMessage[] {
    return this.lines.map((line) => JSON.parse(line) as SentMessage);
  }

  /** Writes one message as the client would, on one line. */
  write(message: object): void {
    this.session.receive(JSON.stringify(message));
  }

  request(id: string | number, method: string, params?: Record<string, unknown>): void {
    this.write({ jsonrpc: '2.0', id, method, ...(params ? { params } : {}) });
  }

  /** The answer to a request of this session, once it came. */
  answer(id: string | number, timeoutMs?: number): Promise<SentMessage> {
    return waitFor(`the answer to ${JSON.stringify(id)}`, () => this.messages.find((message) => message.id === id && message.method === undefined), timeoutMs);
  }

  notifications(method: string): SentMessage[] {
    return this.messages.filter((message) => message.method === method && message.id === undefined);
  }

  /** Opens the handshake of a 2025 client and waits for its answer. */
  async initialize(capabilities: Record<string, unknown> = {}, name = 'test-client'): Promise<SentMessage> {
    this.request('init', 'initialize', { protocolVersion: '2025-06-18', capabilities, clientInfo: { name, version: '1.0.0' } });
    const answer = await this.answer('init');
    this.write({ jsonrpc: '2.0', method: 'notifications/initialized' });
    return answer;
  }
}

export async function openRecorded(bridge: BridgePort, request: BridgeOpenRequest): Promise<RecordingPeer> {
  const peer = new RecordingPeer();
  peer.session = await bridge.openSession(request, peer);
  return peer;
}

interface JsonRpcTransport {
  onmessage?: (message: never) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  start(): Promise<void>;
  send(message: unknown): Promise<void>;
  close(): Promise<void>;
}

/** An SDK client transport (1.x or v2) that is a bridge session, in memory, as the launcher would relay it. */
export class BridgeSessionTransport implements JsonRpcTransport {
  onmessage?: (message: never) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  private session: BridgeSession | undefined;

  constructor(
    private readonly bridge: BridgePort,
    private readonly request: BridgeOpenRequest,
  ) {}

  async start(): Promise<void> {
    this.session = await this.bridge.openSession(this.request, {
      // Delivered a tick later, as a socket would: never inside the hub's own call.
      send: (line) => queueMicrotask(() => this.onmessage?.(JSON.parse(line) as never)),
      close: () => queueMicrotask(() => this.onclose?.()),
    });
  }

  async send(message: unknown): Promise<void> {
    this.session?.receive(JSON.stringify(message));
  }

  async close(): Promise<void> {
    this.session?.close();
    this.session = undefined;
    this.onclose?.();
  }
}
