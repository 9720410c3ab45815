/**
 * The built launcher as a client starts it (node, the launcher file, a server id, a bare
 * environment), driven line by line: what it writes to stdout is kept as lines of text, so tests
 * can wait for a given answer, see every line the client would get, and send lines of many MB.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { waitFor } from './chaos';
import { projectRoot } from './mcp-child';

export const launcherPath = path.join(projectRoot, 'out/host/mcp-tray-launcher.js');

export interface LauncherProcess {
  child: ChildProcessWithoutNullStreams;
  /** Every stdout line so far, as text. */
  lines: string[];
  stderr(): string;
  send(message: unknown): void;
  /** The first stdout line that parses to something `match` accepts. */
  line<T = Record<string, unknown>>(description: string, match: (message: Record<string, unknown>) => boolean): Promise<T>;
  /** The answer to the request with this id. */
  answer<T = Record<string, unknown>>(id: unknown): Promise<T>;
  waitForStderr(text: string): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startLauncher(serverId: string, env: Record<string, string>): LauncherProcess {
  const child = spawn(process.execPath, [launcherPath, serverId], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const parsed: Array<Record<string, unknown>> = [];
  let pending: string[] = [];
  let stderr = '';
  child.stdout.setEncoding('utf8');
  // Only the new chunk is searched for a newline, so a line of many MB costs linear time.
  child.stdout.on('data', (chunk: string) => {
    let start = 0;
    for (let newline = chunk.indexOf('\n'); newline !== -1; newline = chunk.indexOf('\n', start)) {
      const text = pending.join('') + chunk.slice(start, newline);
      pending = [];
      lines.push(text);
      parsed.push(JSON.parse(text) as Record<string, unknown>);
      start = newline + 1;
    }
    if (start < chunk.length) pending.push(chunk.slice(start));
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdin.on('error', () => {});
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const withStderr = async <T>(waiting: Promise<T>): Promise<T> => {
    try {
      return await waiting;
    } catch (error) {
      throw new Error(`${(error as Error).message}\nstderr so far:\n${stderr}`);
    }
  };
  const line = <T>(description: string, match: (message: Record<string, unknown>) => boolean) =>
    withStderr(waitFor(description, () => parsed.find(match) as T | undefined));
  return {
    child,
    lines,
    stderr: () => stderr,
    send: (message) => child.stdin.write(`${typeof message === 'string' ? message : JSON.stringify(message)}\n`),
    line,
    answer: <T>(id: unknown) => line<T>(`the answer to ${JSON.stringify(id)}`, (message) => message.id === id && message.method === undefined),
    waitForStderr: async (text) => {
      await withStderr(waitFor(`"${text}" on stderr`, () => stderr.includes(text)));
    },
    exited,
  };
}

export const initializeRequest = (id: number | string = 0) => ({
  jsonrpc: '2.0',
  id,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: { roots: {} }, clientInfo: { name: 'test-client', version: '1.2.3' } },
});
