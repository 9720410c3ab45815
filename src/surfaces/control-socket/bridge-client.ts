/**
 * The launcher's end of the bridge upgrade: connect to the manager for a data folder, ask for a
 * session, and hand back the socket once the manager said yes. Lean on purpose (no contract, no
 * MCP SDK): the launcher loads it before every bridged start.
 */
import { connect, type Socket } from 'node:net';
import { BridgeOpenReplySchema, MAX_BRIDGE_REPLY_CHARS, type BridgeRequestLine } from './bridge-protocol';
import { isTokenRefusal, readControlToken } from './control-token';
import { controlSocketPath } from './socket-path';

export type BridgeOpening =
  /** `socket` is paused; `rest` holds what the manager sent after its answer, already read. */
  | { kind: 'open'; socket: Socket; sessionId: string; rest: Buffer }
  /** Nobody listens: no socket file, a stale one, or no pipe of that name. */
  | { kind: 'not-running' }
  /** The manager answered no (an unknown server, a disabled one): its sentence. */
  | { kind: 'refused'; code: string; message: string }
  /** Something went wrong on the way: not an answer, none in time, a connection that broke. */
  | { kind: 'failed'; reason: string };

const NOT_LISTENING = new Set(['ENOENT', 'ECONNREFUSED', 'ENOTSOCK']);
const REQUEST_ID = 1;

/** Asks for a session; a refusal for a token read just before the manager replaced it is tried once more. */
export async function openBridge(dataDir: string, bridge: BridgeRequestLine['bridge'], timeoutMs: number): Promise<BridgeOpening> {
  const opening = await openBridgeOnce(dataDir, bridge, timeoutMs);
  return opening.kind === 'refused' && isTokenRefusal(opening) ? openBridgeOnce(dataDir, bridge, timeoutMs) : opening;
}

async function openBridgeOnce(dataDir: string, bridge: BridgeRequestLine['bridge'], timeoutMs: number): Promise<BridgeOpening> {
  const token = await readControlToken(dataDir);
  const request: BridgeRequestLine = token === undefined ? { id: REQUEST_ID, bridge } : { id: REQUEST_ID, bridge, token };
  return new Promise((resolve) => {
    const socket = connect(controlSocketPath(dataDir));
    const received: Buffer[] = [];
    let receivedBytes = 0;
    let connected = false;
    let settled = false;

    const finish = (opening: BridgeOpening): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.removeListener('data', onData);
      socket.removeListener('close', onClose);
      socket.removeListener('error', onError);
      if (opening.kind === 'open') socket.pause();
      else socket.destroy();
      resolve(opening);
    };
    const onError = (error: NodeJS.ErrnoException): void => {
      if (!connected && error.code !== undefined && NOT_LISTENING.has(error.code)) finish({ kind: 'not-running' });
      else finish({ kind: 'failed', reason: `the control socket failed (${error.message})` });
    };
    const onClose = (): void => finish({ kind: 'failed', reason: 'MCP Tray closed the connection before it answered' });
    const onData = (chunk: Buffer): void => {
      const newline = chunk.indexOf(0x0a);
      if (newline === -1) {
        received.push(chunk);
        receivedBytes += chunk.length;
        if (receivedBytes > MAX_BRIDGE_REPLY_CHARS) finish({ kind: 'failed', reason: 'what answers on the control socket is not MCP Tray' });
        return;
      }
      received.push(chunk.subarray(0, newline));
      finish(openingOf(Buffer.concat(received).toString('utf8'), socket, chunk.subarray(newline + 1)));
    };
    const timer = setTimeout(() => finish({ kind: 'failed', reason: `MCP Tray did not answer within ${timeoutMs / 1000} s` }), timeoutMs);

    socket.on('data', onData);
    socket.on('close', onClose);
    socket.on('error', onError);
    socket.once('connect', () => {
      connected = true;
      socket.write(`${JSON.stringify(request)}\n`);
    });
  });
}

function openingOf(line: string, socket: Socket, rest: Buffer): BridgeOpening {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    json = undefined;
  }
  const reply = BridgeOpenReplySchema.safeParse(json);
  if (!reply.success || reply.data.id !== REQUEST_ID) return { kind: 'failed', reason: 'what answers on the control socket is not MCP Tray' };
  if ('error' in reply.data) return { kind: 'refused', ...reply.data.error };
  return { kind: 'open', socket, sessionId: reply.data.result.sessionId, rest: Buffer.from(rest) };
}
