/**
 * `mcp-tray serve` as a child process in an E2eSandbox: started from the built CLI, its link read
 * from stdout, and stopped with Ctrl+C (SIGINT) the way a person stops it.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cliPath, projectRoot, type E2eSandbox } from './sandbox';

const LINK = /^(http:\/\/127\.0\.0\.1:\d+)\/\?token=([A-Za-z0-9_-]+)$/m;

export interface ServeProcess {
  origin: string;
  /** The printed link, with the token. */
  url: string;
  token: string;
  pid: number;
  output(): { stdout: string; stderr: string };
  /** SIGINT, then SIGKILL if it has not exited after `graceMs`. Resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

export async function startServe(sandbox: E2eSandbox, timeoutMs = 60_000): Promise<ServeProcess> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [cliPath, 'serve', '--no-open'], { cwd: projectRoot, env: sandbox.env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));

  const link = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`mcp-tray serve printed no link within ${timeoutMs / 1000} s.`)), timeoutMs);
    const check = () => {
      const match = LINK.exec(stdout);
      if (match) done(match);
    };
    function done(outcome: RegExpExecArray | Error) {
      clearTimeout(timer);
      child.stdout.off('data', check);
      if (outcome instanceof Error) reject(new Error(`${outcome.message}\nstdout:\n${stdout}\nstderr:\n${stderr}`));
      else resolve(outcome);
    }
    child.stdout.on('data', check);
    void exited.then((code) => done(new Error(`mcp-tray serve exited (${code}) before printing its link.`)));
  });

  return {
    origin: link[1] as string,
    url: link[0],
    token: link[2] as string,
    pid: child.pid as number,
    output: () => ({ stdout, stderr }),
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Calls a contract method on a running serve with its token (setup and checks outside the page). */
export async function callServe<T>(serve: Pick<ServeProcess, 'origin' | 'token'>, method: string, input: unknown = {}): Promise<T> {
  const response = await fetch(`${serve.origin}/api/call/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${serve.token}` },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: true; result: T } | { ok: false; error: { code: string; message: string } };
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.result;
}

/** Waits until every enabled server is running (a liveness bound, not a timing assertion). */
export async function waitForServersRunning(serve: Pick<ServeProcess, 'origin' | 'token'>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const servers = await callServe<Array<{ id: string; enabled: boolean; health: { state: string } }>>(serve, 'servers.list');
    last = servers.map((server) => `${server.id}=${server.health.state}`).join(', ');
    if (servers.every((server) => !server.enabled || server.health.state === 'running')) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Not every server was running after ${timeoutMs / 1000} s: ${last}`);
}
