/**
 * Starts a client config entry the way a strict MCP client would: EXACTLY its command, args and
 * env, with nothing else in the environment (no PATH, no HOME), and talks to it with a real SDK
 * client over the child's stdio. The SDK's own StdioClientTransport always adds HOME, PATH and
 * friends, which would hide a launcher that depends on them, hence this small transport.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ReadBuffer, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { z } from 'zod';

export const ConfigEntrySchema = z.object({
  command: z.string(),
  args: z.array(z.string()),
  env: z.record(z.string(), z.string()).optional(),
});
export type ConfigEntry = z.infer<typeof ConfigEntrySchema>;

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

class ChildProcessTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private readonly buffer = new ReadBuffer();

  constructor(private readonly child: ChildProcessWithoutNullStreams) {}

  async start(): Promise<void> {
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer.append(chunk);
      for (;;) {
        try {
          const message = this.buffer.readMessage();
          if (message === null) break;
          this.onmessage?.(message);
        } catch (error) {
          this.onerror?.(error as Error);
        }
      }
    });
    this.child.once('close', () => this.onclose?.());
    this.child.once('error', (error) => this.onerror?.(error));
  }

  async send(message: JSONRPCMessage): Promise<void> {
    this.child.stdin.write(serializeMessage(message));
  }

  async close(): Promise<void> {
    this.child.stdin.end();
  }
}

export interface LaunchedEntry {
  client: Client;
  child: ChildProcessWithoutNullStreams;
  /** Everything the process wrote to stdout, byte for byte (all of it must be JSON-RPC). */
  stdout: () => string;
  stderr: () => string;
  exited: Promise<ProcessExit>;
  /** Closes stdin (what a client does) and waits for the exit; kills after `timeoutMs` as a last resort. */
  close: (timeoutMs?: number) => Promise<ProcessExit>;
}

/** Spawns the entry with ONLY its own env and connects an SDK client (initialize included). */
export async function connectToEntry(entry: ConfigEntry): Promise<LaunchedEntry> {
  const child = spawn(entry.command, entry.args, { env: { ...(entry.env ?? {}) }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<ProcessExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const client = new Client({ name: 'mcp-tray-entry-test', version: '0.0.0' });
  try {
    await client.connect(new ChildProcessTransport(child));
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`The entry did not start as an MCP server: ${(error as Error).message}\nstderr:\n${stderr}`);
  }
  const close = async (timeoutMs = 15_000): Promise<ProcessExit> => {
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  };
  return { client, child, stdout: () => stdout, stderr: () => stderr, exited, close };
}
