/**
 * The launcher's relay: the client's stdio on one side, an upstream on the other (a session of the
 * running manager over the control socket, or a server it started itself), line by line, with
 * backpressure both ways. When the manager goes away mid-session, the client's requests still
 * running are answered with an error, and the relay carries on with whatever `recover` finds: the
 * manager again (the session resumed with the saved handshake) or a server of its own (the
 * handshake replayed to it); either way the client is then told the tools may have changed.
 */
import type { Readable, Writable } from 'node:stream';
import { MAX_BRIDGE_CLIENT_LINE_CHARS, MAX_REPLY_LINE_CHARS } from '../surfaces/control-socket/bridge-protocol';
import { BoundedLineReader } from '../surfaces/control-socket/ndjson-lines';
import type { SessionTracker } from './session-tracker';

export interface Upstream {
  /** Where the client's lines go. */
  readonly input: Writable;
  /** Where the lines for the client come from; paused until the relay reads it. */
  readonly output: Readable;
  /** What was already read from `output` before the relay took it over. */
  readonly rest: Buffer;
  /** A server of the launcher's own, not the manager: it has not seen the client's handshake (the relay replays it first), and writes its keys in any order. */
  readonly ownServer: boolean;
  /** The client went away: let the other side know. */
  end(): void;
  /** Called once when the upstream is gone for good. */
  onGone(listener: () => void): void;
}

export interface RelayOptions {
  stdin: Readable;
  stdout: Writable;
  tracker: SessionTracker;
  /** After the manager was lost: the next upstream, or undefined (said on stderr) to give up. */
  recover(): Promise<Upstream | undefined>;
  log(message: string): void;
}

/** Our own id for the replayed initialize, whose answer the client must not see. */
const REPLAY_ID = 'mcp-tray-launcher-replay';
const LOST_REQUEST_ERROR = -32603;
/** JSON-RPC's "Invalid Request", for a line too long to be read. */
const INVALID_REQUEST = -32600;

function errorLine(id: string | number | null, code: number, message: string): string {
  return `${JSON.stringify({ jsonrpc: '2.0', id, error: { code, message } })}\n`;
}

export class BridgeRelay {
  private upstream: Upstream | undefined;
  /** Client lines waiting while there is no upstream to take them. */
  private readonly waiting: string[] = [];
  private recovering = false;
  /** Backpressure: the upstream's input is full, so the client's stdin is paused until it drains. */
  private waitingForUpstream = false;
  /** Backpressure: the client's stdout is full, so the upstream's output is paused until it drains. */
  private waitingForClient = false;
  private clientGone = false;
  private replayAnswered: (() => void) | undefined;
  private readonly replayKey = JSON.stringify(REPLAY_ID);

  constructor(private readonly options: RelayOptions) {}

  start(first: Upstream): void {
    const { stdin, stdout } = this.options;
    const reader = new BoundedLineReader(MAX_BRIDGE_CLIENT_LINE_CHARS, (line) => this.fromClient(line), () => this.clientLineTooLong());
    stdin.on('data', (chunk: Buffer) => reader.push(chunk));
    stdin.once('end', () => this.endOfClient());
    stdin.on('error', () => this.endOfClient());
    // A client that closed our stdout is gone too (EPIPE).
    stdout.on('error', () => this.endOfClient());
    this.attach(first);
  }

  private attach(upstream: Upstream): void {
    this.upstream = upstream;
    const reader = new BoundedLineReader(MAX_REPLY_LINE_CHARS, (line) => this.fromUpstream(upstream, line), () => {
      this.options.log('MCP Tray sent a message longer than the launcher accepts; closing this session.');
      process.exit(1);
    });
    upstream.output.on('data', (chunk: Buffer) => reader.push(chunk));
    upstream.input.on('error', () => {
      // Its end shows as onGone.
    });
    if (upstream.rest.length > 0) reader.push(upstream.rest);
    upstream.output.resume();
    upstream.onGone(() => void this.lost(upstream));
  }

  private fromClient(line: string): void {
    this.options.tracker.noteClientLine(line);
    if (this.upstream === undefined || this.recovering) this.waiting.push(line);
    else this.toUpstream(this.upstream, line);
  }

  private toUpstream(upstream: Upstream, line: string): void {
    if (upstream.input.write(`${line}\n`) || this.waitingForUpstream) return;
    const { stdin } = this.options;
    this.waitingForUpstream = true;
    stdin.pause();
    upstream.input.once('drain', () => {
      this.waitingForUpstream = false;
      if (this.upstream === upstream && !this.recovering) stdin.resume();
    });
  }

  private fromUpstream(upstream: Upstream, line: string): void {
    if (upstream !== this.upstream) return;
    const answered = this.options.tracker.noteUpstreamLine(line, !upstream.ownServer);
    if (answered !== undefined && answered === this.replayKey && this.replayAnswered) {
      this.replayAnswered();
      return;
    }
    this.toClient(`${line}\n`, upstream);
  }

  private toClient(text: string, upstream?: Upstream): void {
    if (this.options.stdout.write(text) || !upstream || this.waitingForClient) return;
    this.waitingForClient = true;
    upstream.output.pause();
    this.options.stdout.once('drain', () => {
      this.waitingForClient = false;
      upstream.output.resume();
    });
  }

  private endOfClient(): void {
    if (this.clientGone) return;
    this.clientGone = true;
    if (this.upstream && !this.recovering) this.upstream.end();
    else process.exit(0);
  }

  private clientLineTooLong(): void {
    const limitMb = MAX_BRIDGE_CLIENT_LINE_CHARS / (1024 * 1024);
    const message = `The client sent a message longer than ${limitMb} MB, more than MCP Tray takes; the session is closed.`;
    this.options.log(message);
    this.options.stdout.write(errorLine(null, INVALID_REQUEST, message), () => process.exit(1));
    this.upstream?.end();
  }

  private async lost(upstream: Upstream): Promise<void> {
    if (upstream !== this.upstream) return;
    this.upstream = undefined;
    // A drain that will never come from the lost upstream.
    this.waitingForUpstream = false;
    if (this.clientGone) process.exit(0);
    const { stdin, tracker } = this.options;
    stdin.pause();
    this.recovering = true;
    for (const id of tracker.takePending()) {
      this.toClient(errorLine(id, LOST_REQUEST_ERROR, 'MCP Tray stopped while this request was running; the launcher reconnects to it (or starts the server itself). Try the request again.'));
    }
    const next = await this.options.recover();
    if (!next) process.exit(1);
    this.attach(next);
    const handshake = tracker.handshake;
    if (next.ownServer && handshake) {
      const answered = new Promise<void>((resolve) => (this.replayAnswered = resolve));
      next.input.write(`${JSON.stringify({ jsonrpc: '2.0', id: REPLAY_ID, method: 'initialize', params: handshake })}\n`);
      await answered;
      this.replayAnswered = undefined;
      next.input.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
    }
    if (this.upstream !== next) return;
    this.recovering = false;
    for (const line of this.waiting.splice(0)) this.toUpstream(next, line);
    // MCP, server/tools: list_changed tells the client to list the tools again; the new server's may differ.
    if (handshake) this.toClient(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/tools/list_changed' })}\n`);
    stdin.resume();
  }
}
