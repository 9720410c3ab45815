import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export function builtServerPath(id: 'weather' | 'github'): string {
  return `${projectRoot}out/servers/${id}.js`;
}

export interface ConnectedServer {
  client: Client;
  /** Everything the server wrote to stderr so far (its JSON log lines). */
  stderr: () => string;
  close: () => Promise<void>;
}

/** Spawns a built server with plain node and connects a real SDK client over stdio. */
export async function connectToBuiltServer(id: 'weather' | 'github', env: Record<string, string>): Promise<ConnectedServer> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [builtServerPath(id)],
    env: { PATH: process.env.PATH ?? '', ...env },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const client = new Client({ name: 'mcp-tray-tests', version: '0.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr, close: () => client.close() };
}

export function textOf(result: unknown): string {
  const content = (result as CallToolResult | undefined)?.content ?? [];
  return content.map((item) => (item.type === 'text' ? item.text : '')).join('\n');
}

export interface RawRun {
  stdoutLines: string[];
  stderr: string;
  exitCode: number | null;
}

/**
 * Talks JSON-RPC to a built server by hand so the test sees stdout byte for byte:
 * sends the given messages one per line, waits for `expectedResponses` answers, then closes stdin.
 */
export async function runRaw(
  id: 'weather' | 'github',
  env: Record<string, string>,
  /** A string is sent as it is, e.g. a line that is not JSON. */
  messages: Array<object | string>,
  expectedResponses: number,
): Promise<RawRun> {
  const child = spawn(process.execPath, [builtServerPath(id)], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const answered = new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const responses = stdout.split('\n').filter((line) => line.includes('"id"')).length;
      if (responses >= expectedResponses) resolve();
    });
  });
  for (const message of messages) child.stdin.write(`${typeof message === 'string' ? message : JSON.stringify(message)}\n`);
  await answered;
  child.stdin.end();
  const exitCode = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { stdoutLines: stdout.split('\n').filter((line) => line.length > 0), stderr, exitCode };
}

export const initializeMessages = [
  {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw-test', version: '0' } },
  },
  { jsonrpc: '2.0', method: 'notifications/initialized' },
];
