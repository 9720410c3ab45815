import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import crossSpawn from 'cross-spawn';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { BYTES_PER_MB, DEFAULT_MAX_MESSAGE_MB } from '../shared/message-size';
import { asJsonRpcMessage } from './json-rpc-envelope';
import { LineSplitter } from './line-splitter';
import { MessageLineReader, type OversizedLine } from './message-line-reader';
import { describeOversizedLine, tooLargeErrorResponse } from './oversized-message';
import type { WireTap } from './messages/wire-tap';
import { terminateThenKill } from './process-group';
import { SlicedChunkQueue } from './sliced-chunk-queue';

export interface ChildLaunch {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  /** The largest stdout message taken, read at each line (a changed setting applies at once); default 64 MB. */
  maxMessageBytes?: () => number;
}

export interface ChildTransportHooks {
  onStderrLine(line: string): void;
  /** A stdout line that is not JSON-RPC: logged by the manager, never fatal. */
  onStdoutGarbage(line: string): void;
  /** A stdout message over the size limit, dropped (the call it answered, if any, has failed). */
  onStdoutTooLarge?(description: string): void;
  onExit(code: number | null, signal: NodeJS.Signals | null): void;
  /** The process could not be started at all (e.g. ENOENT). */
  onSpawnError(error: NodeJS.ErrnoException): void;
  /** Told of every JSON-RPC line written and read, as it is on the wire. */
  wire?: WireTap | undefined;
}

export interface StopTimings {
  /** After stdin is closed, how long the server gets to exit by itself before SIGTERM. */
  termAfterMs: number;
  /** From the start of the stop, when SIGKILL ends it for good. */
  killAfterMs: number;
}

/** How long after an exit the last stderr output may take to arrive (a grandchild may hold the pipe open). */
const STDERR_GRACE_MS = 500;

export const DEFAULT_STOP_TIMINGS: StopTimings = { termAfterMs: 2_000, killAfterMs: 5_000 };

/**
 * MCP over a child's stdio, owning the child: unlike the SDK's stdio client transport it tolerates
 * non-JSON stdout lines, hands stderr over line by line, and stops with the escalation the manager
 * needs (stdin closed, then SIGTERM, then SIGKILL) on the child's whole process group.
 */
export class ChildProcessTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  private child: ChildProcessWithoutNullStreams | undefined;
  private exited: Promise<void> | undefined;
  private hasExited = false;
  private drained: Promise<void> | undefined;

  constructor(
    private readonly launch: ChildLaunch,
    private readonly hooks: ChildTransportHooks,
    private readonly stopTimings: StopTimings = DEFAULT_STOP_TIMINGS,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): Promise<void> {
    if (this.child) throw new Error('ChildProcessTransport already started');
    return new Promise((resolve, reject) => {
      // cross-spawn, as the SDK's own transport: on Windows a .cmd shim (npx, uvx) runs through cmd.exe
      // with its arguments escaped, which plain spawn refuses; elsewhere it is plain spawn.
      const child = crossSpawn(this.launch.command, this.launch.args, {
        cwd: this.launch.cwd,
        env: this.launch.env,
        stdio: ['pipe', 'pipe', 'pipe'],
        // Its own process group, so a stop reaches what it spawned too (npx -> node -> server).
        detached: process.platform !== 'win32',
        windowsHide: true,
      }) as ChildProcessWithoutNullStreams; // stdio is all pipes, so the streams exist
      this.child = child;
      const stderrLines = new LineSplitter((line) => this.hooks.onStderrLine(line));
      // A server flooding stderr is handled in time slices, so the manager's event loop stays responsive.
      const stderrQueue = new SlicedChunkQueue(child.stderr, (chunk) => stderrLines.push(chunk));
      this.exited = new Promise((resolveExit) => {
        child.once('exit', (code, signal) => {
          this.hasExited = true;
          // Its last words (the stderr tail kept with the exit) are read before the exit is reported.
          void stderrQueue.finish(STDERR_GRACE_MS).then(() => {
            stderrLines.end();
            this.hooks.onExit(code, signal);
            this.onclose?.();
            resolveExit();
          });
        });
        child.on('error', (error: NodeJS.ErrnoException) => {
          if (this.hasExited) return;
          if (child.pid === undefined) {
            this.hasExited = true;
            this.hooks.onSpawnError(error);
            reject(error);
            resolveExit();
          } else if (error.code === 'ENOENT') {
            // On Windows, cross-spawn reports a command that cmd.exe could not find this way, in place of the exit.
            this.hasExited = true;
            this.hooks.onSpawnError(error);
            this.onclose?.();
            resolveExit();
          } else {
            this.onerror?.(error);
          }
        });
      });
      child.once('spawn', () => resolve());

      const stdoutLines = new MessageLineReader(
        this.launch.maxMessageBytes ?? defaultMaxMessageBytes,
        (line) => this.handleStdoutLine(line),
        (line) => this.handleOversizedLine(line),
      );
      child.stdout.on('data', (chunk: Buffer) => stdoutLines.push(chunk));
      child.stdout.on('end', () => stdoutLines.end());
      // EPIPE after the child died is reported through exit, not as a crash of ours.
      child.stdin.on('error', () => {});
    });
  }

  private handleStdoutLine(line: string): void {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      this.hooks.onStdoutGarbage(line);
      return;
    }
    const message = asJsonRpcMessage(parsed);
    if (!message) {
      this.hooks.onStdoutGarbage(line);
      return;
    }
    this.hooks.wire?.received(line, message);
    this.onmessage?.(message);
  }

  private handleOversizedLine(line: OversizedLine): void {
    const report = describeOversizedLine(line);
    this.hooks.onStdoutTooLarge?.(report.logMessage);
    // The call fails now rather than when its timeout runs out, with a message that says why.
    if (report.id !== undefined) this.onmessage?.(tooLargeErrorResponse(report.id, line, report.callMessage));
  }

  send(message: JSONRPCMessage): Promise<void> {
    const child = this.child;
    if (!child || this.hasExited || !child.stdin.writable) return Promise.reject(new Error('The server process is not running.'));
    // Resolved once queued, or once a full pipe drains; a dead pipe surfaces through exit.
    const line = JSON.stringify(message);
    this.hooks.wire?.sent(line, message);
    if (child.stdin.write(`${line}\n`)) return Promise.resolve();
    // Every send waiting on the same full pipe shares one wait (and one pair of listeners).
    this.drained ??= new Promise((resolve) => {
      const settle = () => {
        child.stdin.off('drain', settle).off('close', settle);
        this.drained = undefined;
        resolve();
      };
      child.stdin.once('drain', settle).once('close', settle);
    });
    return this.drained;
  }

  /** Stops the child: stdin closed, SIGTERM after termAfterMs, SIGKILL at killAfterMs. */
  async close(): Promise<void> {
    const child = this.child;
    if (!child || this.hasExited) return;
    child.stdin.end();
    const exited = this.exited as Promise<void>;
    const { termAfterMs, killAfterMs } = this.stopTimings;
    if (await exitsWithin(exited, termAfterMs)) return;
    await terminateThenKill((signal) => this.signal(signal), (ms) => exitsWithin(exited, ms), Math.max(0, killAfterMs - termAfterMs));
    await exited;
  }

  /** Ends the child at once (e.g. it stopped answering pings). */
  async kill(): Promise<void> {
    if (!this.child || this.hasExited) return;
    this.signal('SIGKILL');
    await this.exited;
  }

  /** False when there is no child left to signal. */
  private signal(signal: NodeJS.Signals): boolean {
    const pid = this.child?.pid;
    if (pid === undefined || this.hasExited) return false;
    try {
      if (process.platform === 'win32') killWindowsTree(pid);
      else process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
    return true;
  }
}

function defaultMaxMessageBytes(): number {
  return DEFAULT_MAX_MESSAGE_MB * BYTES_PER_MB;
}

/** Windows has no signals or process groups: taskkill /T ends the server and what it started (cmd.exe -> node). */
function killWindowsTree(pid: number): void {
  spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).on('error', () => {
    try {
      process.kill(pid);
    } catch {
      // Already gone.
    }
  });
}

function exitsWithin(exited: Promise<void>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void exited.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
