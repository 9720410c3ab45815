/**
 * What the launcher must remember of a bridged session to survive losing the manager: the client's
 * initialize (to resume the session without a new handshake) and the ids of its requests not yet
 * answered (to fail them plainly instead of leaving the client waiting). It reads as little as it
 * can: the client's lines are parsed (they are small, apart from the odd large tool argument), the
 * manager's are not, since the manager writes every response as {"jsonrpc":"2.0","id":..,"result"|"error"
 * and its start alone says which request it answers.
 */
import type { ResumedHandshakeLine } from '../surfaces/control-socket/bridge-protocol';

const RESPONSE_START = /^\{"jsonrpc":"2\.0","id":(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|"(?:[^"\\]|\\.){0,200}"),"(?:result|error)"/;
/** A batch of responses is rare; past this size it is not parsed just to forget its ids. */
const MAX_PARSED_BATCH_CHARS = 1024 * 1024;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The same text for the same id on both sides: JSON.stringify of the parsed id, as the manager writes it. */
function keyOf(id: unknown): string {
  return JSON.stringify(id);
}

function handshakeOf(params: unknown): ResumedHandshakeLine | undefined {
  if (!isObject(params) || typeof params.protocolVersion !== 'string' || !isObject(params.capabilities) || !isObject(params.clientInfo)) return undefined;
  const { clientInfo } = params;
  if (typeof clientInfo.name !== 'string' || typeof clientInfo.version !== 'string') return undefined;
  return { protocolVersion: params.protocolVersion, capabilities: params.capabilities, clientInfo: { ...clientInfo, name: clientInfo.name, version: clientInfo.version } };
}

export class SessionTracker {
  /** Requests of the client still waiting for their answer, by keyOf(id). */
  private readonly pending = new Map<string, string | number>();
  private initialize: ResumedHandshakeLine | undefined;

  /** The client's initialize params, once it sent them. */
  get handshake(): ResumedHandshakeLine | undefined {
    return this.initialize;
  }

  noteClientLine(line: string): void {
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      return;
    }
    for (const part of Array.isArray(message) ? message : [message]) this.noteClientMessage(part);
  }

  /**
   * The key of the response this upstream line is, or undefined for anything else; an answered
   * request stops being pending. `hubOrder`: the line comes from the manager, whose key order tells
   * a response from its start; a server of the launcher's own writes keys in any order, so its lines
   * are parsed.
   */
  noteUpstreamLine(line: string, hubOrder: boolean): string | undefined {
    if (!hubOrder) return this.noteParsedResponse(line);
    const match = RESPONSE_START.exec(line);
    if (match?.[1] !== undefined) {
      const key = keyOf(JSON.parse(match[1]));
      this.pending.delete(key);
      return key;
    }
    if (line.startsWith('[') && line.length <= MAX_PARSED_BATCH_CHARS) this.noteUpstreamBatch(line);
    return undefined;
  }

  /** The ids of every request still waiting, forgotten from here on. */
  takePending(): Array<string | number> {
    const ids = [...this.pending.values()];
    this.pending.clear();
    return ids;
  }

  private noteClientMessage(message: unknown): void {
    if (!isObject(message) || typeof message.method !== 'string') return;
    const { id, method } = message;
    if (typeof id === 'string' || typeof id === 'number') {
      this.pending.set(keyOf(id), id);
      if (method === 'initialize') this.initialize = handshakeOf(message.params) ?? this.initialize;
    } else if (method === 'notifications/cancelled' && isObject(message.params)) {
      // A cancelled request gets no answer (MCP, utilities/cancellation).
      this.pending.delete(keyOf(message.params.requestId));
    }
  }

  private noteParsedResponse(line: string): string | undefined {
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      return undefined;
    }
    for (const part of Array.isArray(message) ? message : [message]) {
      if (!isObject(part) || part.method !== undefined || (typeof part.id !== 'string' && typeof part.id !== 'number')) continue;
      const key = keyOf(part.id);
      this.pending.delete(key);
      if (!Array.isArray(message)) return key;
    }
    return undefined;
  }

  private noteUpstreamBatch(line: string): void {
    let batch: unknown;
    try {
      batch = JSON.parse(line);
    } catch {
      return;
    }
    if (!Array.isArray(batch)) return;
    for (const part of batch) if (isObject(part) && part.method === undefined && part.id !== undefined) this.pending.delete(keyOf(part.id));
  }
}
