import { parseJSONRPCMessage, serializeMessage, type JSONRPCMessage, type Transport } from '@modelcontextprotocol/server';
import type { Readable, Writable } from 'node:stream';

/** JSON-RPC 2.0 section 5.1: parse error and invalid request codes. */
const PARSE_ERROR = -32700;
const INVALID_REQUEST = -32600;
/** The longest message taken, in characters: stdin is read as UTF-8 text. */
const MAX_LINE_LENGTH = 10 * 1024 * 1024;

/**
 * Newline-delimited JSON-RPC over stdin/stdout (MCP basic/transports, "stdio"). Unlike the SDK's own stdio
 * transport, a line that is not JSON is answered with -32700 and a JSON value that is not a JSON-RPC message
 * with -32600, both with id null, as JSON-RPC 2.0 section 5 requires, instead of being dropped in silence.
 */
export class JsonRpcStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  /** The start of a line whose end has not come yet, in the pieces it came in (joined once, at its end). */
  private pending: string[] = [];
  private pendingLength = 0;
  /** Inside a line too long to take: what follows, up to its end, is part of it and is dropped too. */
  private discarding = false;
  private started = false;
  private closed = false;

  constructor(
    private readonly input: Readable = process.stdin,
    private readonly output: Writable = process.stdout,
    private readonly maxLineLength = MAX_LINE_LENGTH,
  ) {}

  async start(): Promise<void> {
    if (this.started) throw new Error('The stdio transport is already started.');
    this.started = true;
    this.input.setEncoding('utf8');
    this.input.on('data', this.onData);
    this.input.on('error', this.onInputError);
    this.input.on('end', this.onInputEnd);
    this.input.on('close', this.onInputEnd);
    this.output.on('error', this.onOutputError);
  }

  send(message: JSONRPCMessage): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The stdio transport is closed.'));
    return new Promise((resolve, reject) => {
      const written = this.output.write(serializeMessage(message), (error) => (error ? reject(error) : undefined));
      if (written) resolve();
      else this.output.once('drain', resolve);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.input.off('data', this.onData);
    this.input.off('error', this.onInputError);
    this.input.off('end', this.onInputEnd);
    this.input.off('close', this.onInputEnd);
    this.input.pause();
    this.pending = [];
    this.pendingLength = 0;
    this.onclose?.();
  }

  // Each chunk is scanned once, and a long line is joined once, so a message's cost grows with its length only.
  private readonly onData = (chunk: string) => {
    let start = 0;
    for (let newline = chunk.indexOf('\n'); newline !== -1 && !this.closed; newline = chunk.indexOf('\n', start)) {
      this.endLine(chunk.slice(start, newline));
      start = newline + 1;
    }
    if (start < chunk.length && !this.closed) this.continueLine(chunk.slice(start));
  };

  private continueLine(piece: string): void {
    if (this.discarding) return;
    this.pending.push(piece);
    this.pendingLength += piece.length;
    if (this.pendingLength > this.maxLineLength) {
      this.dropPending();
      this.discarding = true;
    }
  }

  private endLine(lastPiece: string): void {
    if (this.discarding) {
      this.discarding = false;
      return;
    }
    if (this.pendingLength + lastPiece.length > this.maxLineLength) {
      this.dropPending();
      return;
    }
    const whole = this.pending.length === 0 ? lastPiece : this.pending.join('') + lastPiece;
    this.pending = [];
    this.pendingLength = 0;
    const line = whole.endsWith('\r') ? whole.slice(0, -1) : whole;
    if (line.trim() !== '') this.receiveLine(line);
  }

  private dropPending(): void {
    this.pending = [];
    this.pendingLength = 0;
    this.answerError(PARSE_ERROR, `Parse error: a message longer than ${this.maxLineLength} characters was dropped.`);
  }

  private receiveLine(line: string): void {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      this.answerError(PARSE_ERROR, 'Parse error: the message is not valid JSON.');
      return;
    }
    let message: JSONRPCMessage;
    try {
      message = parseJSONRPCMessage(value);
    } catch {
      this.answerError(INVALID_REQUEST, 'Invalid Request: the message is not a JSON-RPC 2.0 request, notification or response.');
      return;
    }
    this.onmessage?.(message);
  }

  private answerError(code: number, message: string): void {
    this.send({ jsonrpc: '2.0', id: null, error: { code, message } } as unknown as JSONRPCMessage).catch((error: unknown) =>
      this.onerror?.(error instanceof Error ? error : new Error(String(error))),
    );
  }

  private readonly onInputError = (error: Error) => this.onerror?.(error);
  private readonly onInputEnd = () => void this.close();
  private readonly onOutputError = (error: Error) => {
    if (!this.closed) this.onerror?.(error);
  };
}
