import { ErrorCode, type Implementation, type LoggingLevel, type Result } from '@modelcontextprotocol/sdk/types.js';
import { ContractError, type ClientSession } from '../../shared/contract';
import type { RunningCalls } from '../running-calls';
import type { CallProgress, ServerToClientMethod } from '../server-connection';
import type { ServerHandshake } from '../supervisor-relay';
import type { ToolExposure } from '../tool-exposure';
import { clientAnswerError, JsonRpcFailure, jsonRpcErrorOf } from './bridge-errors';
import type { BridgeOpenRequest, BridgeSession, SessionPeer } from './bridge-port';
import { errorLine, isRecord, notificationLine, parseLine, requestLine, resultLine, type IncomingMessage, type JsonRpcId } from './json-rpc-lines';
import { isLoggingLevel } from './log-levels';
import {
  bridgedCapabilities,
  discoverResult,
  envelopeOf,
  MODERN_PROTOCOL_VERSION,
  modernResult,
  negotiatedLegacyVersion,
  withoutEnvelope,
  type RequestEnvelope,
} from './protocol-eras';
import type { RoutedSession, ServerRoute } from './server-route';

export interface HubSessionOptions {
  sessionId: string;
  serverId: string;
  route: ServerRoute;
  peer: SessionPeer;
  opening: BridgeOpenRequest;
  exposure: ToolExposure;
  runningCalls: RunningCalls;
  /** How long a request may wait for the server to be running. */
  readyTimeoutMs: () => number;
  /** Takes any secret value a server echoed out of an error message before the client sees it. */
  redact(message: string): string;
  /** Something sessions.list shows changed (handshake, call count). */
  onChanged(): void;
  onClosed(session: HubSession): void;
}

/** What the client said of itself: in its initialize (2025 era), or in its requests' envelope (2026-07-28). */
interface ClientHandshake {
  protocolVersion: string;
  clientInfo: Implementation | null;
  capabilities: Record<string, unknown>;
  modern: boolean;
}

/** A request of this session not answered yet: aborted when the client cancels it or goes away. */
interface RunningRequest {
  readonly abort: AbortController;
  /** Set once it went on to the server (a call, a read, ...), as opposed to waiting or being answered by the hub. */
  onServer: boolean;
}

interface AskedRequest {
  resolve(result: Result): void;
  reject(error: unknown): void;
}

/**
 * One client's session on a server, through the launcher's bridge. The hub answers what it knows
 * itself (handshake, ping, lists, levels, subscriptions) and sends the rest on to the server under
 * ids and progress tokens of its own, so nothing crosses between sessions; the server's answers,
 * progress and requests come back to this session alone.
 */
export class HubSession implements BridgeSession, RoutedSession {
  readonly since = new Date().toISOString();
  logLevel: LoggingLevel | undefined;
  private calls = 0;
  private handshake: ClientHandshake | undefined;
  /** By the client's request id, as JSON so 1 and "1" stay apart. */
  private readonly running = new Map<string, RunningRequest>();
  private readonly asked = new Map<number, AskedRequest>();
  private lastAskedId = 0;
  private lastCallNumber = 0;
  private closed = false;

  constructor(private readonly options: HubSessionOptions) {
    const resume = options.opening.resume;
    if (resume) {
      this.handshake = { protocolVersion: resume.protocolVersion, clientInfo: { name: resume.clientInfo.name, version: resume.clientInfo.version }, capabilities: resume.capabilities, modern: resume.protocolVersion === MODERN_PROTOCOL_VERSION };
    }
  }

  get sessionId(): string {
    return this.options.sessionId;
  }

  get client(): string {
    return this.options.opening.client ?? this.handshake?.clientInfo?.name ?? 'unknown client';
  }

  summary(): ClientSession {
    return {
      sessionId: this.sessionId,
      serverId: this.options.serverId,
      client: this.client,
      clientInfo: this.handshake?.clientInfo ?? null,
      protocolVersion: this.handshake?.protocolVersion ?? null,
      since: this.since,
      calls: this.calls,
      pid: this.options.route.supervisor.health().pid,
    };
  }

  receive(line: string): void {
    if (this.closed) return;
    for (const message of parseLine(line)) this.dispatch(message);
  }

  /** The client went away: what it still had running is cancelled, and what it was asked is refused. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const request of this.running.values()) request.abort.abort(new ContractError('cancelled', 'The client went away.'));
    for (const asked of this.asked.values()) asked.reject(clientAnswerError({ code: ErrorCode.ConnectionClosed, message: 'The client went away before it answered.' }));
    this.asked.clear();
    this.options.route.detach(this);
    this.options.onClosed(this);
  }

  /** Ends the session from the manager's side, telling the launcher why. */
  end(reason: string): void {
    if (this.closed) return;
    this.options.peer.close(reason);
    this.close();
  }

  busy(): boolean {
    return [...this.running.values()].some((request) => request.onServer);
  }

  refusesServerRequest(method: ServerToClientMethod): string | undefined {
    if (this.handshake?.modern) {
      return `${this.client} speaks MCP ${MODERN_PROTOCOL_VERSION}, where a server asks for input within the call itself, which MCP Tray does not relay yet`;
    }
    const capability = method === 'sampling/createMessage' ? 'sampling' : 'elicitation';
    return this.handshake?.capabilities[capability] ? undefined : `${this.client}, whose call is running, did not declare the ${capability} capability`;
  }

  request(method: ServerToClientMethod, params: Record<string, unknown>, signal: AbortSignal): Promise<Result> {
    if (signal.aborted) return Promise.reject(signal.reason);
    const id = ++this.lastAskedId;
    return new Promise<Result>((resolve, reject) => {
      const onAbort = () => {
        if (!this.asked.delete(id)) return;
        this.send(notificationLine('notifications/cancelled', { requestId: id, reason: String(signal.reason ?? 'The server cancelled the request.') }));
        reject(signal.reason);
      };
      const settle = () => signal.removeEventListener('abort', onAbort);
      this.asked.set(id, {
        resolve: (result) => {
          settle();
          resolve(result);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      });
      signal.addEventListener('abort', onAbort, { once: true });
      this.send(requestLine(id, method, params));
    });
  }

  /**
   * A notification the client did not ask for (list changes, resource updates, log messages): sent
   * to 2025-era sessions. A 2026-07-28 client gets them only through subscriptions/listen, which
   * the hub does not offer yet.
   */
  notify(method: string, params: Record<string, unknown> | undefined): void {
    if (!this.handshake?.modern) this.send(notificationLine(method, params));
  }

  private send(line: string): void {
    if (!this.closed) this.options.peer.send(line);
  }

  private dispatch(message: IncomingMessage): void {
    switch (message.kind) {
      case 'request':
        void this.handleRequest(message.id, message.method, message.params);
        return;
      case 'notification':
        this.handleNotification(message.method, message.params);
        return;
      case 'response':
        this.asked.get(Number(message.id))?.resolve(isRecord(message.result) ? message.result : {});
        this.asked.delete(Number(message.id));
        return;
      case 'error-response':
        if (message.id === null) return;
        this.asked.get(Number(message.id))?.reject(clientAnswerError(message.error));
        this.asked.delete(Number(message.id));
        return;
      case 'invalid':
        this.send(errorLine(message.id, { code: message.message.startsWith('Parse error') ? ErrorCode.ParseError : ErrorCode.InvalidRequest, message: message.message }));
    }
  }

  private handleNotification(method: string, params: Record<string, unknown> | undefined): void {
    if (method !== 'notifications/cancelled') return; // initialized is the hub's to swallow; roots come from the server's setting
    const requestId = params?.requestId;
    const request = typeof requestId === 'string' || typeof requestId === 'number' ? this.running.get(JSON.stringify(requestId)) : undefined;
    request?.abort.abort(new ContractError('cancelled', typeof params?.reason === 'string' ? params.reason : 'Cancelled by the client.'));
  }

  private async handleRequest(id: JsonRpcId, method: string, params: Record<string, unknown> | undefined): Promise<void> {
    const key = JSON.stringify(id);
    if (this.running.has(key)) {
      // JSON-RPC wants an answer, though the client may take it for the first request's.
      this.sendError(id, new JsonRpcFailure({ code: ErrorCode.InvalidRequest, message: `Request id ${key} is already in use by a request that is still running.` }));
      return;
    }
    // Cancellable from the start: the client may cancel or leave while the server is still starting.
    const request: RunningRequest = { abort: new AbortController(), onServer: false };
    this.running.set(key, request);
    const envelope = envelopeOf(params);
    if (envelope) this.noteEnvelope(envelope);
    try {
      const result = await this.answer(method, params, request);
      if (request.abort.signal.aborted) return;
      const serverInfo = this.options.route.supervisor.handshake?.serverInfo;
      this.send(resultLine(id, envelope || method === 'server/discover' ? modernResult(method, result, serverInfo) : result));
    } catch (error) {
      // A cancelled request gets no answer (MCP 2025-11-25, Basic > Utilities > Cancellation).
      if (!request.abort.signal.aborted) this.sendError(id, error);
    } finally {
      this.running.delete(key);
    }
  }

  private sendError(id: JsonRpcId, error: unknown): void {
    const { redact } = this.options;
    const body = jsonRpcErrorOf(error, this.options.serverId);
    this.send(errorLine(id, { code: body.code, message: redact(body.message), ...(body.data === undefined ? {} : { data: redactedData(body.data, redact) }) }));
  }

  /** The result to send; each wait ends early, and throws, when the client cancels or leaves. */
  private async answer(method: string, params: Record<string, unknown> | undefined, request: RunningRequest): Promise<Record<string, unknown>> {
    const { signal } = request.abort;
    const { exposure, serverId } = this.options;
    switch (method) {
      case 'ping':
        return {};
      case 'initialize':
        return this.initialize(params, signal);
      case 'server/discover': {
        const server = await this.ready(signal);
        return discoverResult(bridgedCapabilities(server.capabilities), server.instructions);
      }
      case 'tools/list':
        await this.ready(signal);
        return { tools: exposure.visible(serverId, this.client, this.lists().tools) };
      case 'resources/list':
        await this.ready(signal);
        return { resources: this.lists().resources };
      case 'resources/templates/list':
        await this.ready(signal);
        return { resourceTemplates: this.lists().resourceTemplates };
      case 'prompts/list':
        await this.ready(signal);
        return { prompts: this.lists().prompts };
      case 'logging/setLevel': {
        const level = params?.level;
        if (!isLoggingLevel(level)) throw new JsonRpcFailure({ code: ErrorCode.InvalidParams, message: `Unknown logging level ${JSON.stringify(level)}.` });
        await this.ready(signal);
        this.logLevel = level;
        await this.options.route.applyLevel();
        return {};
      }
      case 'resources/subscribe':
      case 'resources/unsubscribe': {
        const uri = params?.uri;
        if (typeof uri !== 'string') throw new JsonRpcFailure({ code: ErrorCode.InvalidParams, message: 'Give the uri of the resource.' });
        await this.ready(signal);
        if (method === 'resources/subscribe') await this.options.route.subscribe(this, uri);
        else await this.options.route.unsubscribe(this, uri);
        return {};
      }
      case 'tools/call':
        return this.callTool(params, request);
      default:
        if (method.startsWith('tasks/')) {
          throw new JsonRpcFailure({ code: ErrorCode.MethodNotFound, message: `${method} is not offered: MCP Tray shares this server's process between clients, and does not run tasks through it.` });
        }
        return this.forward(method, params, request);
    }
  }

  private async initialize(params: Record<string, unknown> | undefined, signal: AbortSignal): Promise<Record<string, unknown>> {
    const server = await this.ready(signal);
    const info = params?.clientInfo;
    const capabilities = params?.capabilities;
    this.handshake = {
      protocolVersion: negotiatedLegacyVersion(params?.protocolVersion),
      clientInfo: isRecord(info) && typeof info.name === 'string' ? { name: info.name, version: typeof info.version === 'string' ? info.version : '' } : null,
      capabilities: isRecord(capabilities) ? capabilities : {},
      modern: false,
    };
    this.options.exposure.noteClient(this.options.serverId, this.client);
    this.options.onChanged();
    return {
      protocolVersion: this.handshake.protocolVersion,
      capabilities: bridgedCapabilities(server.capabilities),
      serverInfo: server.serverInfo ?? { name: this.options.serverId, version: '0' },
      ...(server.instructions !== undefined ? { instructions: server.instructions } : {}),
    };
  }

  /** A 2026-07-28 request: it says who the client is each time (MCP 2026-07-28, Basic > Overview > "_meta"). */
  private noteEnvelope(envelope: RequestEnvelope): void {
    const first = this.handshake === undefined;
    this.handshake = { protocolVersion: envelope.protocolVersion, clientInfo: envelope.clientInfo ?? this.handshake?.clientInfo ?? null, capabilities: envelope.clientCapabilities, modern: true };
    if (first) {
      this.options.exposure.noteClient(this.options.serverId, this.client);
      this.options.onChanged();
    }
  }

  private async callTool(params: Record<string, unknown> | undefined, request: RunningRequest): Promise<Record<string, unknown>> {
    const name = params?.name;
    const args = params?.arguments ?? {};
    if (typeof name !== 'string' || !isRecord(args)) throw new JsonRpcFailure({ code: ErrorCode.InvalidParams, message: 'tools/call needs a tool name and an arguments object.' });
    const { signal } = request.abort;
    await this.ready(signal);
    const refusal = this.options.exposure.refusal(this.options.serverId, this.client, name, this.lists().tools.find((tool) => tool.name === name));
    if (refusal !== undefined) throw new JsonRpcFailure({ code: ErrorCode.InvalidParams, message: refusal });
    const callId = `${this.sessionId}-${++this.lastCallNumber}`;
    const { runningCalls } = this.options;
    this.calls++;
    this.options.onChanged();
    request.onServer = true;
    const call = this.options.route.supervisor.timedCall({
      name,
      arguments: args,
      callId,
      client: this.client,
      meta: passedMeta(params),
      onProgress: this.progressRelay(params),
    });
    const cancel = () => runningCalls.cancel(callId);
    signal.addEventListener('abort', cancel, { once: true });
    try {
      return (await call).result;
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  }

  private async forward(method: string, params: Record<string, unknown> | undefined, request: RunningRequest): Promise<Record<string, unknown>> {
    const { signal } = request.abort;
    await this.ready(signal);
    request.onServer = true;
    return this.options.route.supervisor.forward(method, withoutEnvelope(params), { signal, onProgress: this.progressRelay(params), origin: { session: this.client } });
  }

  /** Relays the server's progress under the client's own token, when the client asked for progress. */
  private progressRelay(params: Record<string, unknown> | undefined): ((progress: CallProgress) => void) | undefined {
    const token = isRecord(params?._meta) ? params._meta.progressToken : undefined;
    if (typeof token !== 'string' && typeof token !== 'number') return undefined;
    return (progress) => this.send(notificationLine('notifications/progress', { progressToken: token, ...progress }));
  }

  /** The running server's handshake, once it runs; refused at once when the client cancels or leaves meanwhile. */
  private async ready(signal: AbortSignal): Promise<ServerHandshake> {
    const supervisor = this.options.route.supervisor;
    await untilAborted(supervisor.waitUntilRunning(this.options.readyTimeoutMs()), signal);
    signal.throwIfAborted();
    const handshake = supervisor.handshake;
    if (!handshake) throw new ContractError('not_running', `Server "${this.options.serverId}" is not running. Start it in MCP Tray.`);
    return handshake;
  }

  private lists() {
    const lists = this.options.route.supervisor.lists;
    if (!lists) throw new ContractError('not_running', `Server "${this.options.serverId}" is not running. Start it in MCP Tray.`);
    return lists;
  }
}

/** What of the client's _meta goes on with a tool call: neither its progress token (ours replaces it) nor the 2026 envelope. */
function passedMeta(params: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const meta = withoutEnvelope(params)?._meta;
  if (!isRecord(meta)) return undefined;
  const { progressToken: _token, ...rest } = meta;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

/** Settles as `promise` does, or rejects with the signal's reason as soon as it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** A server's error data with secret values taken out; left out when it no longer reads as JSON. */
function redactedData(data: unknown, redact: (text: string) => string): unknown {
  const text = JSON.stringify(data);
  const redacted = redact(text);
  if (redacted === text) return data;
  try {
    return JSON.parse(redacted) as unknown;
  } catch {
    return undefined;
  }
}
