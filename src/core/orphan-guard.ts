import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';

// Runs in its own small process: when the manager's end of the pipe closes, for whatever reason
// (crash, SIGKILL, power-user kill -9), it ends every server the manager had registered.
const GUARD_SCRIPT = `
const pids = new Set();
let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  pending += chunk;
  const lines = pending.split('\\n');
  pending = lines.pop();
  for (const line of lines) {
    const pid = Number(line.slice(1));
    if (!Number.isInteger(pid) || pid <= 0) continue;
    if (line[0] === '+') pids.add(pid); else pids.delete(pid);
  }
});
const signalAll = (signal) => {
  for (const pid of pids) {
    try { process.kill(process.platform === 'win32' ? pid : -pid, signal); } catch {}
  }
};
process.stdin.on('end', () => {
  if (pids.size === 0) process.exit(0);
  signalAll('SIGTERM');
  setTimeout(() => { signalAll('SIGKILL'); process.exit(0); }, 2000);
});
`;

/** Makes sure no server outlives the manager, even when the manager is killed without warning. */
export class OrphanGuard {
  private readonly tracked = new Set<number>();

  private constructor(private readonly guard: ChildProcess | undefined) {}

  /** `runtime` is the executable that runs JavaScript: node, or Electron with ELECTRON_RUN_AS_NODE=1. */
  static start(runtime: string = process.execPath): OrphanGuard {
    let guard: ChildProcess | undefined;
    try {
      guard = spawn(runtime, ['-e', GUARD_SCRIPT], {
        stdio: ['pipe', 'ignore', 'ignore'],
        detached: true,
        windowsHide: true,
        env: { ELECTRON_RUN_AS_NODE: '1' },
      });
      guard.on('error', () => {});
      guard.stdin?.on('error', () => {});
      // Neither the guard nor the pipe to it may keep the manager alive.
      guard.unref();
      (guard.stdin as Socket | null)?.unref();
    } catch {
      guard = undefined;
    }
    const orphanGuard = new OrphanGuard(guard);
    // Last line of defence on a normal exit that skipped the graceful stop.
    process.once('exit', () => orphanGuard.killAllNow());
    return orphanGuard;
  }

  get guardPid(): number | undefined {
    return this.guard?.pid;
  }

  track(pid: number): void {
    this.tracked.add(pid);
    this.guard?.stdin?.write(`+${pid}\n`);
  }

  untrack(pid: number): void {
    this.tracked.delete(pid);
    this.guard?.stdin?.write(`-${pid}\n`);
  }

  /** Synchronous: safe inside process.on('exit'). */
  killAllNow(): void {
    for (const pid of this.tracked) {
      try {
        process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    this.tracked.clear();
  }

  /** Lets the guard exit (after the manager has stopped its servers itself). */
  dispose(): void {
    this.guard?.stdin?.end();
  }
}
