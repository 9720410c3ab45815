import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { MessageDirection, MessageKind } from '../../shared/messages-contract';
import type { MessageJournal } from './message-journal';
import type { MessageOrigin } from './message-origin';

/** What the child transport reports of each line it writes or reads: the line is the message's own serialization, never made twice. */
export interface WireTap {
  sent(line: string, message: JSONRPCMessage): void;
  received(line: string, message: JSONRPCMessage): void;
  /** The next request the manager sends belongs to `origin` (undefined: to the manager itself). */
  nextRequestFrom?(origin: MessageOrigin | undefined): void;
}

type OpenRequests = Map<string | number, OpenRequest>;

interface OpenRequest {
  time: number;
  method: string;
  origin: MessageOrigin | undefined;
  progressToken: string | number | undefined;
}

/** Requests waiting for an answer, per direction; a server that never answers cannot grow them without end. */
const MAX_OPEN_REQUESTS = 10_000;

/**
 * One process's wire, journaled: pairs each response with its request (for latency and method),
 * and labels each message with the session it belongs to. The SDK client numbers requests itself,
 * so whoever sends one says first whom it is for (`nextRequestFrom`), and the transport, which
 * writes the request synchronously inside the SDK's request(), hands that origin to its id here.
 */
export class ConnectionTap implements WireTap {
  private readonly toServer: OpenRequests = new Map();
  private readonly fromServer: OpenRequests = new Map();
  private readonly originsByProgressToken = new Map<string | number, MessageOrigin | undefined>();
  private pendingOrigin: MessageOrigin | undefined;

  constructor(
    private readonly journal: MessageJournal,
    /** Whom the process's other requests (handshake, list refreshes) belong to. */
    private readonly defaultOrigin: MessageOrigin,
  ) {}

  nextRequestFrom(origin: MessageOrigin | undefined): void {
    this.pendingOrigin = origin;
  }

  sent(line: string, message: JSONRPCMessage): void {
    this.record('to-server', line, message, this.toServer, this.fromServer);
  }

  received(line: string, message: JSONRPCMessage): void {
    this.record('from-server', line, message, this.fromServer, this.toServer);
  }

  /** `ownRequests`: the requests of this message's sender; `answered`: those this message may answer. */
  private record(direction: MessageDirection, line: string, message: JSONRPCMessage, ownRequests: OpenRequests, answered: OpenRequests): void {
    const time = Date.now();
    const fields = message as { id?: string | number; method?: string; params?: Record<string, unknown>; error?: unknown };
    const id = fields.id ?? null;
    let method = fields.method ?? null;
    let kind: MessageKind;
    let origin: MessageOrigin | undefined;
    let latencyMs: number | null = null;
    if (method !== null && id !== null) {
      kind = 'request';
      // A request the server sends (sampling, roots) is not tied to a caller by the protocol.
      origin = direction === 'to-server' ? this.takePendingOrigin() : undefined;
      const progressToken = progressTokenOf(fields.params);
      if (progressToken !== undefined) remember(this.originsByProgressToken, progressToken, origin);
      remember(ownRequests, id, { time, method, origin, progressToken });
    } else if (method !== null) {
      kind = 'notification';
      origin = this.notificationOrigin(method, fields.params, ownRequests);
    } else {
      kind = fields.error === undefined ? 'response' : 'error';
      const request = id === null ? undefined : answered.get(id);
      if (request && id !== null) {
        answered.delete(id);
        if (request.progressToken !== undefined) this.originsByProgressToken.delete(request.progressToken);
        method = request.method;
        origin = request.origin;
        latencyMs = Math.round((time - request.time) * 100) / 100;
      }
    }
    this.journal.append({ time, direction, kind, method, id, bytes: Buffer.byteLength(line), latencyMs, session: origin?.session ?? null, callId: origin?.callId ?? null, text: line });
  }

  private takePendingOrigin(): MessageOrigin {
    const origin = this.pendingOrigin ?? this.defaultOrigin;
    this.pendingOrigin = undefined;
    return origin;
  }

  /**
   * Progress belongs to the request whose token it carries, cancellation to the request it names
   * (MCP 2025-11-25, Basic > Utilities > Progress and Cancellation); a cancelled request is answered no more.
   */
  private notificationOrigin(method: string, params: Record<string, unknown> | undefined, requestsOfSender: OpenRequests): MessageOrigin | undefined {
    if (method === 'notifications/progress') {
      const token = params?.progressToken;
      return typeof token === 'string' || typeof token === 'number' ? this.originsByProgressToken.get(token) : undefined;
    }
    if (method === 'notifications/cancelled') {
      const requestId = params?.requestId;
      if (typeof requestId !== 'string' && typeof requestId !== 'number') return undefined;
      return requestsOfSender.get(requestId)?.origin;
    }
    return undefined;
  }
}

function remember<T>(map: Map<string | number, T>, key: string | number, value: T): void {
  map.set(key, value);
  if (map.size > MAX_OPEN_REQUESTS) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
}

function progressTokenOf(params: Record<string, unknown> | undefined): string | number | undefined {
  const meta = params?._meta;
  if (meta === null || typeof meta !== 'object') return undefined;
  const token = (meta as Record<string, unknown>).progressToken;
  return typeof token === 'string' || typeof token === 'number' ? token : undefined;
}
