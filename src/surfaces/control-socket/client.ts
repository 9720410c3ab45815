/**
 * The other side of the control socket: how the CLI (or a second app instance) drives a running
 * manager. Every reply is validated twice on receipt: the envelope with the protocol's schema,
 * the result or event payload with the contract's own schema.
 */
import { connect, type Socket } from 'node:net';
import {
  ContractError,
  contract,
  describeValidationError,
  events,
  type EventName,
  type EventPayload,
  type MethodName,
  type MethodResult,
} from '../../shared/contract';
import { ControlReplySchema, MAX_REPLY_LINE_CHARS, PingResultSchema, encodeLine, parseJsonLine, type PingResult } from './protocol';
import { controlSocketPath } from './socket-path';
import { isTokenRefusal, readControlToken } from './control-token';
import { BoundedLineReader } from './ndjson-lines';

export interface ControlClient {
  /** The manager's process id, as it answered the ping. */
  readonly managerPid: number;
  readonly path: string;
  /** Sends `input` as it is: the manager checks it against the contract. */
  call<M extends MethodName>(method: M, input: unknown): Promise<MethodResult<M>>;
  /** Resolves once the manager confirmed the subscription; the returned function ends it. */
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): Promise<() => void>;
  /** Called once when the connection ends, for whatever reason. */
  onClose(listener: () => void): void;
  close(): void;
}

export interface ConnectOptions {
  /** How long a manager may take to answer the first ping. */
  timeoutMs?: number;
}

/** Nobody listens: no socket file, a stale one, or no pipe of that name. */
const NOT_LISTENING = new Set(['ENOENT', 'ECONNREFUSED', 'ENOTSOCK']);

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

function disconnected(): ContractError {
  return new ContractError('manager_unreachable', 'MCP Tray closed the connection (it may have stopped).');
}

class SocketControlClient implements ControlClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  private readonly closeListeners = new Set<() => void>();
  private closed = false;
  managerPid = 0;

  constructor(
    private readonly socket: Socket,
    readonly path: string,
  ) {
    const reader = new BoundedLineReader(MAX_REPLY_LINE_CHARS, (line) => this.handleLine(line), () => this.fail('MCP Tray sent a reply longer than the CLI accepts.'));
    socket.on('data', (chunk: Buffer) => reader.push(chunk));
    socket.on('error', () => {
      // 'close' follows and rejects what is pending.
    });
    socket.on('close', () => this.fail());
  }

  async call<M extends MethodName>(method: M, input: unknown): Promise<MethodResult<M>> {
    const result = await this.request({ method, params: input });
    const checked = contract[method].output.safeParse(result);
    if (!checked.success) {
      throw new ContractError('failed', `MCP Tray sent a reply to ${method} that this CLI does not understand (are they different versions?): ${describeValidationError(checked.error)}`);
    }
    return checked.data as MethodResult<M>;
  }

  async subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): Promise<() => void> {
    let set = this.listeners.get(event);
    const first = !set;
    if (!set) this.listeners.set(event, (set = new Set()));
    const untyped = listener as (payload: unknown) => void;
    set.add(untyped);
    if (first) await this.request({ subscribe: event });
    return () => {
      set.delete(untyped);
      if (set.size === 0 && this.listeners.get(event) === set) {
        this.listeners.delete(event);
        if (!this.closed) this.request({ unsubscribe: event }).catch(() => {});
      }
    };
  }

  /** The first request: it carries the control token when the manager has one. */
  async ping(token: string | undefined): Promise<PingResult> {
    const checked = PingResultSchema.safeParse(await this.request(token === undefined ? { ping: true } : { ping: true, token }));
    if (!checked.success) throw new ContractError('failed', 'Something answers on the control socket, but not as MCP Tray does.');
    this.managerPid = checked.data.pid;
    return checked.data;
  }

  onClose(listener: () => void): void {
    if (this.closed) listener();
    else this.closeListeners.add(listener);
  }

  close(): void {
    this.socket.end();
    this.socket.destroy();
  }

  private request(body: object): Promise<unknown> {
    if (this.closed) return Promise.reject(disconnected());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.socket.write(encodeLine({ id, ...body }));
    });
  }

  private handleLine(line: string): void {
    const json = parseJsonLine(line);
    const parsed = json ? ControlReplySchema.safeParse(json.value) : undefined;
    if (!parsed?.success) return this.fail('MCP Tray sent something that is not a control reply.');
    const message = parsed.data;
    if ('event' in message) {
      const payload = events[message.event].safeParse(message.payload);
      // An event this version cannot read is skipped rather than ending the whole session.
      if (!payload.success) return;
      for (const listener of this.listeners.get(message.event) ?? []) listener(payload.data);
      return;
    }
    if (message.id === null || typeof message.id !== 'number') {
      if ('error' in message) this.fail(message.error.message);
      return;
    }
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if ('error' in message) waiting.reject(new ContractError(message.error.code, message.error.message));
    else waiting.resolve(message.result);
  }

  /** Ends the session: every pending request fails, close listeners run once. */
  private fail(reason?: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    const error = reason ? new ContractError('failed', reason) : disconnected();
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    for (const listener of this.closeListeners) listener();
    this.closeListeners.clear();
  }
}

function openSocket(socketPath: string): Promise<Socket | undefined> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    socket.once('connect', () => {
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== undefined && NOT_LISTENING.has(error.code)) resolve(undefined);
      else reject(new ContractError('manager_unreachable', `Cannot open MCP Tray's control socket ${socketPath}: ${error.message}`));
    });
  });
}

/**
 * Connects to the manager for this data folder, or resolves undefined when none is running.
 * A manager that accepts the connection but does not answer is an error, not "not running":
 * starting a second one next to it would fight over the same servers.
 */
export async function connectControlSocket(dataDir: string, options: ConnectOptions = {}): Promise<ControlClient | undefined> {
  try {
    return await connectOnce(dataDir, options);
  } catch (error) {
    // The token file may have been read just before a new manager replaced it; reading it again gets the one that works.
    if (error instanceof ContractError && isTokenRefusal(error)) return connectOnce(dataDir, options);
    throw error;
  }
}

async function connectOnce(dataDir: string, options: ConnectOptions): Promise<ControlClient | undefined> {
  const socketPath = controlSocketPath(dataDir);
  const socket = await openSocket(socketPath);
  if (!socket) return undefined;
  const token = await readControlToken(dataDir);
  const client = new SocketControlClient(socket, socketPath);
  const timeoutMs = options.timeoutMs ?? 5_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ContractError('timeout', `MCP Tray is running (its control socket is ${socketPath}) but did not answer within ${timeoutMs / 1000} s.`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([client.ping(token), timeout]);
    return client;
  } catch (error) {
    client.close();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
