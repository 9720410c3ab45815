/**
 * The manager's side of the control socket: a thin adapter that lets another process (the CLI,
 * later the Electron app's second instance) drive an AppCore. Every call goes through
 * AppCore.call, which validates the input against the contract. One thing it adds: a tool call
 * is cancelled when the connection that started it closes (Ctrl+C of the CLI, a crashed caller).
 * A connection whose first line is a bridge request carries a client's MCP session instead
 * (bridge-connection.ts).
 */
import { randomUUID } from 'node:crypto';
import { chmod, lstat, mkdir, unlink } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { ContractError, describeValidationError, isMethodName, type EventName } from '../../shared/contract';
import { toWireError, type ContractPort } from '../contract-port';
import {
  CONTROL_PROTOCOL_VERSION,
  ControlRequestSchema,
  MAX_BUFFERED_CHARS_PER_CLIENT,
  MAX_QUEUED_REPLY_CHARS,
  MAX_REQUEST_LINE_CHARS,
  encodeLine,
  parseJsonLine,
  type RequestId,
} from './protocol';
import { isPlainObject } from '../../shared/plain-object';
import type { BridgePort } from '../../core/bridge/bridge-port';
import { controlSocketPath, socketPathProblem } from './socket-path';
import { BoundedLineReader } from './ndjson-lines';
import { asksForBridge, upgradeToBridge, type BridgedConnection } from './bridge-connection';
import { MAX_BRIDGE_CLIENT_LINE_CHARS } from './bridge-protocol';
import { controlTokenPath, tokenMatches, tokenRefusalMessage, writeControlToken } from './control-token';

export interface ControlSocketServer {
  readonly path: string;
  /** Stops accepting, drops every connection and removes the socket file. */
  close(): Promise<void>;
}

const PROBE_TIMEOUT_MS = 2_000;
/** A result this long (a large tool result) is left out of the per-client buffer limit while it is being written. */
const LARGE_RESULT_CHARS = 1024 * 1024;

/** Unique in this manager's run, and cheaper per call than a UUID each. */
const socketCallIdPrefix = `socket-${randomUUID().slice(0, 8)}-`;
let socketCallCount = 0;

/** A tool call without an id of its caller's gets one, so the connection can cancel it when it closes. */
function withCallId(params: unknown): unknown {
  if (!isPlainObject(params) || params.callId !== undefined) return params;
  socketCallCount += 1;
  return { ...params, callId: `${socketCallIdPrefix}${socketCallCount}` };
}

export interface ControlSocketLimits {
  /** See MAX_QUEUED_REPLY_CHARS; tests set a smaller one. */
  maxQueuedReplyChars?: number;
  /**
   * The longest line a bridged client may send: the manager's message size setting, read for each
   * new connection so a change applies to the next session. By default the largest the settings allow.
   */
  maxBridgeLineChars?: number | (() => number);
}

export interface ControlSocketOptions extends ControlSocketLimits {
  /** Where bridge requests go; without it they are refused. */
  bridge?: BridgePort;
  /** Every connection must present the control token (control-token.ts). Always so on Windows. */
  requireToken?: boolean;
}

interface ConnectionSetup {
  target: ContractPort;
  limits: Required<ControlSocketLimits>;
  bridge: BridgePort | undefined;
  /** The token a first request must carry, when one is required. */
  token: string | undefined;
  tokenFile: string;
}

/** A first request's token, taken off so the request checks as it would without one. */
function takeToken(value: unknown): { request: unknown; token: unknown } {
  if (!isPlainObject(value) || !('token' in value)) return { request: value, token: undefined };
  const { token, ...request } = value;
  return { request, token };
}

function serveConnection(socket: Socket, setup: ConnectionSetup): void {
  const { target, limits } = setup;
  const subscriptions = new Map<EventName, () => void>();
  /** Tool calls this connection started and that still run: nobody is left to read their answers once it closes. */
  const callsStarted = new Set<string>();
  let open = true;

  /** Characters of asked-for results still waiting in the socket's buffer (writableLength counts characters for strings). */
  let resultsQueued = 0;
  /** `asked`: a result the peer requested, whose size the manager's message limit already caps. */
  const send = (message: object, asked = false): void => {
    if (!open) return;
    const line = encodeLine(message);
    if (asked && line.length >= LARGE_RESULT_CHARS) {
      if (resultsQueued > 0 && resultsQueued + line.length > limits.maxQueuedReplyChars) {
        socket.destroy();
        return;
      }
      resultsQueued += line.length;
      socket.write(line, () => (resultsQueued -= line.length));
    } else {
      socket.write(line);
    }
    // A peer that subscribed and stopped reading would otherwise make the manager buffer without end.
    if (socket.writableLength - resultsQueued > MAX_BUFFERED_CHARS_PER_CLIENT) socket.destroy();
  };
  const refuse = (id: RequestId | null, message: string): void => {
    send({ id, error: { code: 'invalid_input', message } });
    open = false;
    socket.end();
  };

  let firstLine = true;
  let bridged: BridgedConnection | undefined;

  const handleLine = (line: string): void => {
    if (bridged) return bridged.receive(line);
    const json = parseJsonLine(line);
    if (!json) return refuse(null, 'The control socket speaks newline-delimited JSON; that line was not JSON.');
    const { request: body, token } = takeToken(json.value);
    if (firstLine) {
      firstLine = false;
      if (setup.token !== undefined && !tokenMatches(setup.token, token)) {
        const id = isPlainObject(body) && (typeof body.id === 'number' || typeof body.id === 'string') ? body.id : null;
        return refuse(id, tokenRefusalMessage(setup.tokenFile));
      }
      if (asksForBridge(body)) {
        bridged = upgradeToBridge(body, { socket, reader, bridge: setup.bridge, maxQueuedChars: limits.maxQueuedReplyChars });
        return;
      }
    }
    const parsed = ControlRequestSchema.safeParse(body);
    if (!parsed.success) {
      return refuse(null, `Not a control request (expected {id, method, params}, {id, subscribe}, {id, unsubscribe} or {id, ping}): ${describeValidationError(parsed.error)}`);
    }
    const request = parsed.data;
    if ('ping' in request) return send({ id: request.id, result: { pid: process.pid, protocol: CONTROL_PROTOCOL_VERSION } });
    if ('subscribe' in request) {
      const event = request.subscribe;
      if (!subscriptions.has(event)) subscriptions.set(event, target.on(event, (payload) => send({ event, payload })));
      return send({ id: request.id, result: { subscribed: event } });
    }
    if ('unsubscribe' in request) {
      subscriptions.get(request.unsubscribe)?.();
      subscriptions.delete(request.unsubscribe);
      return send({ id: request.id, result: { unsubscribed: request.unsubscribe } });
    }
    const { id, method } = request;
    if (!isMethodName(method)) return send({ id, error: { code: 'not_found', message: `MCP Tray has no method "${method}".` } });
    const params = method === 'tools.call' ? withCallId(request.params) : request.params;
    const callId = method === 'tools.call' && isPlainObject(params) && typeof params.callId === 'string' ? params.callId : undefined;
    if (callId !== undefined) callsStarted.add(callId);
    target.call(method, params).then(
      (result) => send({ id, result }, true),
      (error: unknown) => send({ id, error: toWireError(error) }),
    ).finally(() => {
      if (callId !== undefined) callsStarted.delete(callId);
    });
  };

  const reader = new BoundedLineReader(
    MAX_REQUEST_LINE_CHARS,
    handleLine,
    () => (bridged ? bridged.overflow() : refuse(null, `A request line is longer than ${MAX_REQUEST_LINE_CHARS} characters.`)),
    // The bridge upgrade raises the limit to what the bridge carries; the manager's own setting caps it.
    typeof limits.maxBridgeLineChars === 'function' ? limits.maxBridgeLineChars() : limits.maxBridgeLineChars,
  );
  socket.on('data', (chunk: Buffer) => reader.push(chunk));
  socket.on('error', () => {
    // A peer that vanished mid-write; 'close' follows and cleans up.
  });
  socket.on('close', () => {
    open = false;
    bridged?.closed();
    for (const unsubscribe of subscriptions.values()) unsubscribe();
    subscriptions.clear();
    for (const callId of callsStarted) target.call('calls.cancel', { callId }).catch(() => {});
    callsStarted.clear();
  });
}

/** Resolves true when something accepts connections at the path (a live manager, or one too busy to answer). */
function somethingListens(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(socketPath);
    const done = (answer: boolean) => {
      clearTimeout(timer);
      probe.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done(true), PROBE_TIMEOUT_MS);
    probe.once('connect', () => done(true));
    probe.once('error', () => done(false));
  });
}

function alreadyRunning(dataDir: string): ContractError {
  return new ContractError('conflict', `MCP Tray is already running for the data folder ${dataDir}. Stop it first, or use that one.`);
}

/** Removes a socket file left by a manager that died; refuses when one still answers, or the path is not a socket. */
async function clearStaleSocket(socketPath: string, dataDir: string): Promise<void> {
  const stats = await lstat(socketPath).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!stats) return;
  if (!stats.isSocket()) throw new ContractError('conflict', `${socketPath} exists and is not a socket. Move it away, then start MCP Tray again.`);
  if (await somethingListens(socketPath)) throw alreadyRunning(dataDir);
  await unlink(socketPath).catch(() => {});
}

function listen(server: Server, socketPath: string, dataDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? alreadyRunning(dataDir) : error));
    server.listen(socketPath, () => resolve());
  });
}

export async function serveControlSocket(target: ContractPort, dataDir: string, options: ControlSocketOptions = {}): Promise<ControlSocketServer> {
  const connectionLimits = {
    maxQueuedReplyChars: options.maxQueuedReplyChars ?? MAX_QUEUED_REPLY_CHARS,
    maxBridgeLineChars: options.maxBridgeLineChars ?? MAX_BRIDGE_CLIENT_LINE_CHARS,
  };
  const socketPath = controlSocketPath(dataDir);
  const posix = process.platform !== 'win32';
  const tooLong = socketPathProblem(socketPath);
  if (tooLong) throw new ContractError('failed', tooLong);
  if (posix) {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    // Only this user may reach the socket; best effort when the folder belongs to someone else.
    await chmod(dataDir, 0o700).catch(() => {});
    await clearStaleSocket(socketPath, dataDir);
  }

  // Node cannot set a named pipe's ACL, so on Windows a connection also proves it can read a file in the data folder.
  const requireToken = options.requireToken ?? !posix;
  let token: string | undefined;
  if (requireToken) {
    // A manager already running for this folder keeps its own token (on POSIX clearStaleSocket checked).
    if (!posix && (await somethingListens(socketPath))) throw alreadyRunning(dataDir);
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    // Written before listening: whoever a listening manager refuses for its token finds the right one on reading the file again.
    token = await writeControlToken(dataDir);
  }
  const setup: ConnectionSetup = { target, limits: connectionLimits, bridge: options.bridge, token, tokenFile: controlTokenPath(dataDir) };
  const connections = new Set<Socket>();
  const server = createServer((socket) => {
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
    socket.on('error', () => {
      // A peer that vanished; 'close' follows.
    });
    serveConnection(socket, setup);
  });
  await listen(server, socketPath, dataDir);
  server.on('error', () => {
    // After listening, errors belong to single connections, which handle their own.
  });
  let inode: number | undefined;
  if (posix) {
    await chmod(socketPath, 0o600);
    inode = (await lstat(socketPath)).ino;
  }

  let closing: Promise<void> | undefined;
  return {
    path: socketPath,
    close: () => {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const socket of connections) socket.destroy();
        await closed;
        // Only our own socket file: a newer manager may have replaced it.
        if (posix && inode !== undefined) {
          const current = await lstat(socketPath).catch(() => undefined);
          if (current?.ino === inode) await unlink(socketPath).catch(() => {});
        }
      })();
      return closing;
    },
  };
}
