/**
 * The manager's side of a bridged connection: after a launcher's bridge request, the connection
 * stops being a control connection and carries one client's MCP session (see bridge-protocol.ts).
 * Lines go to the BridgeSession unread; lines the session sends go to the launcher unchanged.
 */
import type { Socket } from 'node:net';
import { z } from 'zod';
import { BridgeOpenRequestSchema, type BridgePort, type BridgeSession, type SessionPeer } from '../../core/bridge/bridge-port';
import { describeValidationError } from '../../shared/contract';
import { toWireError } from '../contract-port';
import { BRIDGE_PROTOCOL_VERSION, MAX_BRIDGE_CLIENT_LINE_CHARS, MAX_REPLY_LINE_CHARS } from './bridge-protocol';
import { encodeLine, RequestIdSchema, type RequestId } from './protocol';
import type { BoundedLineReader } from './ndjson-lines';

const BridgeRequestSchema = z.strictObject({ id: RequestIdSchema, bridge: BridgeOpenRequestSchema });

/** True for a first line that asks for the upgrade, before it is checked. */
export function asksForBridge(request: unknown): boolean {
  return typeof request === 'object' && request !== null && !Array.isArray(request) && 'bridge' in request;
}

export interface BridgedConnection {
  /** Each line the launcher sends from now on. */
  receive(line: string): void;
  /** The launcher sent a line longer than the bridge allows. */
  overflow(): void;
  /** The socket closed, from either side. */
  closed(): void;
}

interface UpgradeOptions {
  socket: Socket;
  reader: BoundedLineReader;
  bridge: BridgePort | undefined;
  /** See MAX_QUEUED_REPLY_CHARS: a launcher that stops reading is dropped beyond this. */
  maxQueuedChars: number;
  /** A reply line longer than this ends the session; MAX_REPLY_LINE_CHARS unless a test wants a small one. */
  maxReplyLineChars?: number;
}

/** Answers the bridge request, and from then on relays the connection's lines to and from one session. */
export function upgradeToBridge(request: unknown, options: UpgradeOptions): BridgedConnection {
  const { socket, reader } = options;
  let session: BridgeSession | undefined;
  /** Lines that came before the session opened. */
  let early: string[] | undefined = [];
  let earlyChars = 0;
  let open = true;
  /** The hub ended the session itself (SessionPeer.close), so it needs no closing from here. */
  let endedByHub = false;
  const maxReplyLineChars = options.maxReplyLineChars ?? MAX_REPLY_LINE_CHARS;

  const refuse = (id: RequestId | null, error: { code: string; message: string }): void => {
    open = false;
    socket.end(encodeLine({ id, error }));
  };

  const hangUp = (): void => {
    if (!open) return;
    open = false;
    socket.end();
  };

  const peer: SessionPeer = {
    send: (line) => {
      if (!open) return;
      if (line.length > maxReplyLineChars) {
        // The launcher would refuse it anyway; ending here says so sooner. The session is closed when the socket is.
        hangUp();
        return;
      }
      socket.write(`${line}\n`);
      if (socket.writableLength > options.maxQueuedChars) socket.destroy();
    },
    close: () => {
      if (open) endedByHub = true;
      hangUp();
    },
  };

  const parsed = BridgeRequestSchema.safeParse(request);
  if (!parsed.success) {
    const id = RequestIdSchema.safeParse((request as { id?: unknown }).id);
    refuse(id.success ? id.data : null, { code: 'invalid_input', message: `Not a bridge request (expected {id, bridge: {serverId, client?, resume?}}): ${describeValidationError(parsed.error)}` });
  } else if (!options.bridge) {
    refuse(parsed.data.id, { code: 'unavailable', message: 'This MCP Tray does not bridge client sessions.' });
  } else {
    const { id, bridge: wanted } = parsed.data;
    reader.setMaxLineChars(MAX_BRIDGE_CLIENT_LINE_CHARS);
    options.bridge.openSession(wanted, peer).then(
      (opened) => {
        if (!open) {
          if (!endedByHub) opened.close();
          return;
        }
        session = opened;
        socket.write(encodeLine({ id, result: { sessionId: opened.sessionId, protocol: BRIDGE_PROTOCOL_VERSION } }));
        const waiting = early ?? [];
        early = undefined;
        for (const line of waiting) if (open) opened.receive(line);
      },
      (error: unknown) => refuse(id, toWireError(error)),
    );
  }

  return {
    receive: (line) => {
      if (!open) return;
      if (session) return session.receive(line);
      earlyChars += line.length;
      if (early === undefined || earlyChars > MAX_BRIDGE_CLIENT_LINE_CHARS) return void socket.destroy();
      early.push(line);
    },
    overflow: () => {
      open = false;
      socket.destroy();
    },
    closed: () => {
      open = false;
      if (!endedByHub) session?.close();
    },
  };
}
