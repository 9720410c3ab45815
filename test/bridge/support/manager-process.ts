/**
 * Drives test/fixtures/bridge-manager.ts: a manager in its own process on a temp data folder and a
 * temp home. The test talks to it as the CLI and the UI do (the control socket: contract calls and
 * events), reads the entries it registers into the temp home's client configs, and can kill it
 * without warning and start it again on the same folders.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { clientById } from '../../../src/core/clients/all-clients';
import { nodeClientContext } from '../../../src/core/clients/client-context';
import { connectControlSocket, type ControlClient } from '../../../src/surfaces/control-socket/client';
import type { ClientId, LogEntry } from '../../../src/shared/contract';
import { makeTempDir, waitFor } from '../../support/chaos';
import { projectRoot } from '../../support/mcp-child';
import { ConfigEntrySchema, type ConfigEntry } from '../../clients/support/entry-process';

const FIXTURE = path.join(projectRoot, 'test/fixtures/bridge-manager.ts');
const START_TIMEOUT_MS = 30_000;

export interface BridgeManager {
  readonly dataDir: string;
  readonly home: string;
  /** The running manager's pid (changes on restart). */
  readonly pid: number;
  /** Contract calls and events, as the UI and the CLI make them; reconnected on restart. */
  readonly control: ControlClient;
  /** Everything the manager process wrote to stderr, across restarts. */
  stderr(): string;
  /** Registers every enabled server (or those given) into the client's config in the temp home, and returns the entries by server id. */
  register(clientId: ClientId, serverIds?: string[]): Promise<Record<string, ConfigEntry>>;
  /** The manager's log lines of a server (newest last). */
  logs(serverId: string): Promise<LogEntry[]>;
  /** SIGKILL, as a crash or a power cut would; resolves once the process is gone. */
  kill(): Promise<void>;
  /** Starts the manager again on the same folders (after kill). */
  start(): Promise<void>;
  /** Kills the manager if it runs and removes the folders. */
  remove(): Promise<void>;
}

interface Running {
  child: ChildProcess;
  pid: number;
  control: ControlClient;
}

export async function startBridgeManager(prefix: string): Promise<BridgeManager> {
  const temp = await makeTempDir(prefix);
  const dataDir = path.join(temp.dir, 'data');
  const home = path.join(temp.dir, 'home');
  await mkdir(home, { recursive: true });
  const context = nodeClientContext({ homeDir: home, env: { HOME: home }, platform: 'linux' });
  let stderr = '';
  let running: Running | undefined;

  const launch = async (): Promise<Running> => {
    const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dataDir, home], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = once(child, 'exit').then(() => undefined);
    const ready = waitFor('the manager to listen on its control socket', () => stdout.includes('"ready":true'), START_TIMEOUT_MS);
    await Promise.race([ready, exited.then(() => Promise.reject(new Error(`The manager exited before it was ready:\n${stderr}`)))]);
    const control = await connectControlSocket(dataDir);
    if (!control) throw new Error(`The manager said it was ready but nothing listens on its socket:\n${stderr}`);
    return { child, pid: child.pid ?? 0, control };
  };

  const current = (): Running => {
    if (!running) throw new Error('The manager is not running.');
    return running;
  };

  const kill = async (): Promise<void> => {
    const was = running;
    running = undefined;
    if (!was) return;
    was.control.close();
    if (was.child.exitCode === null && was.child.signalCode === null) {
      const exited = once(was.child, 'exit');
      was.child.kill('SIGKILL');
      await exited;
    }
  };

  running = await launch();
  return {
    dataDir,
    home,
    get pid() {
      return current().pid;
    },
    get control() {
      return current().control;
    },
    stderr: () => stderr,
    async register(clientId, serverIds) {
      const configPath = clientById(clientId).configPath(context);
      // A client counts as installed when its config folder exists.
      await mkdir(path.dirname(configPath), { recursive: true });
      await current().control.call('clients.register', { clientId, ...(serverIds ? { serverIds } : {}) });
      const config = JSON.parse(await readFile(configPath, 'utf8')) as { mcpServers?: Record<string, unknown> };
      const entries: Record<string, ConfigEntry> = {};
      for (const [id, entry] of Object.entries(config.mcpServers ?? {})) entries[id] = ConfigEntrySchema.parse(entry);
      return entries;
    },
    async logs(serverId) {
      return (await current().control.call('logs.query', { serverId })).entries;
    },
    kill,
    async start() {
      if (running) throw new Error('The manager is already running.');
      running = await launch();
    },
    async remove() {
      await kill();
      await temp.remove();
    },
  };
}
