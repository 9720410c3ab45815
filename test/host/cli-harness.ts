/**
 * Runs the BUILT `mcp-tray` CLI (out/host/cli.js) as a child process in a sandbox of its own:
 * a temp HOME and data folder (MCP_TRAY_HOME), the run's isolated keychain under a keychain
 * service name no other test uses, and nothing else from the developer's environment.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { makeTempDir, waitFor } from '../support/chaos';
import { requireTestKeychain } from '../support/isolated-keyring';
import { projectRoot } from '../support/mcp-child';

export const cliPath = path.join(projectRoot, 'out/host/cli.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface BackgroundCli {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<CliResult>;
}

export interface CliSandbox {
  home: string;
  dataDir: string;
  env: Record<string, string>;
  keychainService: string;
  run(args: string[], options?: { input?: string; timeoutMs?: number }): Promise<CliResult>;
  /** Starts the CLI and leaves it running (e.g. `run`, `logs --follow`). */
  spawn(args: string[]): BackgroundCli;
  remove(): Promise<void>;
}

function collect(child: ChildProcessWithoutNullStreams): BackgroundCli {
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<CliResult>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

export async function createCliSandbox(prefix: string): Promise<CliSandbox> {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: build it with "node scripts/build-servers.mjs" (the test globalSetup does).`);
  const keychain = requireTestKeychain();
  const temp = await makeTempDir(prefix);
  const home = path.join(temp.dir, 'home');
  const dataDir = path.join(temp.dir, 'data');
  await mkdir(home, { recursive: true });
  const keychainService = `${keychain.keychainService} ${prefix} ${randomBytes(3).toString('hex')}`;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    ...keychain.env,
    HOME: home,
    MCP_TRAY_HOME: dataDir,
    MCP_TRAY_KEYCHAIN_SERVICE: keychainService,
  };
  const start = (args: string[]) => spawn(process.execPath, [cliPath, ...args], { env, cwd: temp.dir, stdio: ['pipe', 'pipe', 'pipe'] });
  const running = new Set<ChildProcessWithoutNullStreams>();

  return {
    home,
    dataDir,
    env,
    keychainService,
    async run(args, options = {}) {
      const background = collect(start(args));
      running.add(background.child);
      background.child.stdin.end(options.input ?? '');
      const timer = setTimeout(() => background.child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
      try {
        return await background.exited;
      } finally {
        clearTimeout(timer);
        running.delete(background.child);
      }
    },
    spawn(args) {
      const background = collect(start(args));
      running.add(background.child);
      void background.exited.then(() => running.delete(background.child));
      return background;
    },
    async remove() {
      for (const child of running) child.kill('SIGKILL');
      await temp.remove();
    },
  };
}

/** Parses stdout as JSON, failing with the whole output when it is not. */
export function jsonOf<T>(result: CliResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${result.code}):\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
}

/** Waits for output matching `pattern` from a background CLI (a liveness bound, not a timing assertion). */
export async function waitForOutput(background: BackgroundCli, pattern: RegExp, stream: 'stdout' | 'stderr' = 'stdout', timeoutMs = 20_000): Promise<true> {
  try {
    return await waitFor(`${stream} to match ${pattern}`, () => pattern.test(background[stream]()), timeoutMs);
  } catch (error) {
    throw new Error(`${(error as Error).message}\nstdout so far:\n${background.stdout()}\nstderr so far:\n${background.stderr()}`);
  }
}

/** A readable failure message for `expect(...)`: the exit code and both streams. */
export function describeRun(result: CliResult): string {
  return `exit ${result.code}${result.signal ? ` (${result.signal})` : ''}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`;
}
