/**
 * A real MCP client that starts a registered entry the way Claude Desktop does: the SDK's own
 * StdioClientTransport on the entry's command, args and env. Every message in either direction is
 * recorded, and every protocol error the SDK notices (a response to an id it never sent, progress
 * for a token it does not know) is kept, so a test can prove that nothing crossed between clients.
 */
import { Client as ClientV2 } from '@modelcontextprotocol/client';
import { StdioClientTransport as StdioClientTransportV2 } from '@modelcontextprotocol/client/stdio';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { Stream } from 'node:stream';
import { isAlive, waitFor } from '../../support/chaos';
import type { ConfigEntry } from '../../clients/support/entry-process';

export interface ClientProcess {
  /** The launcher's pid (the process the client spawned). */
  readonly pid: number;
  stderr(): string;
  /** Every JSON-RPC message the client received, in order. */
  readonly received: JSONRPCMessage[];
  /** Every JSON-RPC message the client sent, in order. */
  readonly sent: JSONRPCMessage[];
  /** Protocol errors the SDK reported: a response for an id it never sent, progress for an unknown token, ... */
  readonly errors: Error[];
  /** The client vanished without a word: SIGKILL of the process it spawned. */
  kill(): Promise<void>;
  close(): Promise<void>;
}

export interface BridgedClient extends ClientProcess {
  readonly client: Client;
}

export interface BridgedClientV2 extends ClientProcess {
  readonly client: ClientV2;
}

interface RecordingTransport {
  onmessage?: ((message: JSONRPCMessage, extra?: never) => void) | undefined;
  send(message: JSONRPCMessage, options?: never): Promise<void>;
  readonly pid: number | null;
  readonly stderr: Stream | null;
}

/** Hooks the transport before the client connects (the SDK chains an onmessage that is already set). */
function record(transport: RecordingTransport, onStderr?: (text: string) => void): Omit<ClientProcess, 'pid' | 'kill' | 'close'> & { pid: () => number } {
  const received: JSONRPCMessage[] = [];
  const sent: JSONRPCMessage[] = [];
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    stderr += text;
    onStderr?.(text);
  });
  transport.onmessage = (message) => void received.push(message);
  const send = transport.send.bind(transport);
  transport.send = (message, options) => {
    sent.push(message);
    return send(message, options);
  };
  return {
    received,
    sent,
    errors: [],
    stderr: () => stderr,
    pid: () => {
      if (transport.pid === null) throw new Error('The client process has not started.');
      return transport.pid;
    },
  };
}

async function killProcess(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return;
  }
  await waitFor(`the client process ${pid} to be gone`, () => !isAlive(pid));
}

function failedStart(error: unknown, stderr: string): Error {
  return new Error(`The entry did not start as an MCP server: ${(error as Error).message}\nstderr:\n${stderr}`);
}

export interface BridgedClientOptions {
  /** clientInfo.name */
  name: string;
  /** What the client declares; the same few both SDK generations understand alike. */
  capabilities?: { sampling?: Record<string, never>; elicitation?: Record<string, never>; roots?: { listChanged?: boolean } };
  /** Added to the entry's env, as a user may add variables to an entry. */
  extraEnv?: Record<string, string>;
  /** Sees stderr as it comes, also while the client is still connecting. */
  onStderr?: (text: string) => void;
}

interface SdkClient<T> {
  connect(transport: T): Promise<void>;
  close(): Promise<void>;
  onerror?: ((error: Error) => void) | undefined;
}

/** Connects either SDK generation's client over its own stdio transport, recording as it goes. */
async function connectRecorded<C extends SdkClient<T>, T>(client: C, transport: T, options: BridgedClientOptions): Promise<ClientProcess & { client: C }> {
  const recorded = record(transport as unknown as RecordingTransport, options.onStderr);
  client.onerror = (error) => void recorded.errors.push(error);
  try {
    await client.connect(transport);
  } catch (error) {
    await client.close().catch(() => {});
    throw failedStart(error, recorded.stderr());
  }
  const pid = recorded.pid();
  return { ...recorded, client, pid, kill: () => killProcess(pid), close: () => client.close() };
}

const processOf = (entry: ConfigEntry, options: BridgedClientOptions) => ({
  command: entry.command,
  args: entry.args,
  env: { ...entry.env, ...options.extraEnv },
  stderr: 'pipe' as const,
});

/** An SDK 1.x client (Claude Desktop's generation) on the entry. */
export function connectBridgedClient(entry: ConfigEntry, options: BridgedClientOptions): Promise<BridgedClient> {
  const client = new Client({ name: options.name, version: '1.0.0' }, { capabilities: options.capabilities ?? {} });
  return connectRecorded(client, new StdioClientTransport(processOf(entry, options)), options);
}

/** An SDK 2.x client (@modelcontextprotocol/client) on the entry. */
export function connectBridgedClientV2(entry: ConfigEntry, options: BridgedClientOptions): Promise<BridgedClientV2> {
  const client = new ClientV2({ name: options.name, version: '2.0.0' }, { capabilities: options.capabilities ?? {} });
  return connectRecorded(client, new StdioClientTransportV2(processOf(entry, options)), options);
}
