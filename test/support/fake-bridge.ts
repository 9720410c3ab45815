/**
 * A stand-in for the manager's side of the bridge: a BridgePort whose sessions behave like a
 * trivial MCP server (initialize, ping, tools/list, tools/call "echo", and "hold", which answers
 * only when the test lets it), recording every line and request. It lets the control socket and
 * the launcher be tested for real before, and apart from, the manager's multiplexer.
 */
import { ContractError, type EventName, type EventPayload, type MethodName, type MethodResult } from '../../src/shared/contract';
import type { BridgeOpenRequest, BridgePort, BridgeSession, SessionPeer } from '../../src/core/bridge/bridge-port';
import type { ContractPort } from '../../src/surfaces/contract-port';
import { serveControlSocket, type ControlSocketOptions, type ControlSocketServer } from '../../src/surfaces/control-socket/server';

type Json = Record<string, unknown>;

export interface FakeSession {
  readonly sessionId: string;
  readonly request: BridgeOpenRequest;
  readonly peer: SessionPeer;
  /** Every line the client sent, as received. */
  readonly lines: string[];
  /** Ids of "hold" calls not answered yet. */
  readonly held: unknown[];
  closed: boolean;
}

/** A response, written as the manager writes them: "jsonrpc", "id", then "result" or "error". */
export function responseLine(id: unknown, result: unknown): string {
  return `{"jsonrpc":"2.0","id":${JSON.stringify(id)},"result":${JSON.stringify(result)}}`;
}

export class FakeBridge implements BridgePort {
  readonly sessions: FakeSession[] = [];
  /** Set to refuse every session with this error (an unknown or disabled server). */
  refusal: ContractError | undefined;

  async openSession(request: BridgeOpenRequest, peer: SessionPeer): Promise<BridgeSession> {
    if (this.refusal) throw this.refusal;
    const session: FakeSession = { sessionId: `fake-${this.sessions.length + 1}`, request, peer, lines: [], held: [], closed: false };
    this.sessions.push(session);
    return {
      sessionId: session.sessionId,
      receive: (line) => {
        session.lines.push(line);
        answer(session, JSON.parse(line) as Json);
      },
      close: () => {
        session.closed = true;
      },
    };
  }

  /** Answers every held call of every session with its text. */
  release(text: string): void {
    for (const session of this.sessions) for (const id of session.held.splice(0)) session.peer.send(responseLine(id, { content: [{ type: 'text', text }] }));
  }
}

function answer(session: FakeSession, message: Json): void {
  const { id, method } = message;
  if (id === undefined || typeof method !== 'string') return;
  const params = (message.params ?? {}) as Json;
  const reply = (result: unknown) => session.peer.send(responseLine(id, result));
  switch (method) {
    case 'initialize':
      return reply({ protocolVersion: params.protocolVersion, capabilities: { tools: { listChanged: true } }, serverInfo: { name: 'fake-manager', version: '1.0.0' } });
    case 'ping':
      return reply({});
    case 'tools/list':
      return reply({
        tools: [
          { name: 'echo', inputSchema: { type: 'object', properties: { text: { type: 'string' } } } },
          { name: 'hold', inputSchema: { type: 'object' } },
        ],
      });
    case 'tools/call': {
      const args = (params.arguments ?? {}) as Json;
      if (params.name === 'hold') return void session.held.push(id);
      return reply({ content: [{ type: 'text', text: String(args.text ?? '') }] });
    }
    default:
      session.peer.send(`{"jsonrpc":"2.0","id":${JSON.stringify(id)},"error":{"code":-32601,"message":"Method not found"}}`);
  }
}

/** A contract port that knows no method: enough for a socket that only bridges and pings. */
export const noContract: ContractPort = {
  call<M extends MethodName>(method: M): Promise<MethodResult<M>> {
    return Promise.reject(new ContractError('not_found', `The stand-in manager has no method ${method}.`));
  },
  on<E extends EventName>(_event: E, _listener: (payload: EventPayload<E>) => void): () => void {
    return () => {};
  },
};

export interface FakeManager {
  bridge: FakeBridge;
  control: ControlSocketServer;
  /** What a manager quitting does: stops listening and drops every connection. */
  stop(): Promise<void>;
}

export async function startFakeManager(dataDir: string, options: Omit<ControlSocketOptions, 'bridge'> = {}): Promise<FakeManager> {
  const bridge = new FakeBridge();
  const control = await serveControlSocket(noContract, dataDir, { ...options, bridge });
  return { bridge, control, stop: () => control.close() };
}
