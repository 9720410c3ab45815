import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';

// Both guards read "+<id>" (watch) and "-<id>" (forget) lines from the manager through a pipe.
// When the manager's end closes, for whatever reason (crash, SIGKILL, kill -9 by a power user),
// they end everything still registered: SIGTERM, and SIGKILL two seconds later to what is left.

// POSIX: a /bin/sh loop (about 1 MB where a Node process takes 40) that holds process group ids.
// A process that left its server's group with setsid() or setpgid() is out of its reach.
const POSIX_GUARD_SCRIPT = `
trap '' HUP INT
groups=' '
while IFS= read -r line; do
  id=\${line#?}
  case $id in ''|*[!0-9]*) continue ;; esac
  case $line in
    +*) groups="$groups$id " ;;
    -*) case $groups in *" $id "*) groups="\${groups%% $id *} \${groups#* $id }" ;; esac ;;
  esac
done
set -- $groups
[ $# -eq 0 ] && exit 0
for id; do kill -s TERM -- "-$id" 2>/dev/null; done
tries=0
while [ $tries -lt 20 ]; do
  alive=
  for id; do kill -s 0 -- "-$id" 2>/dev/null && alive=1; done
  [ -z "$alive" ] && exit 0
  sleep 0.1
  tries=$((tries + 1))
done
for id; do kill -s KILL -- "-$id" 2>/dev/null; done
`;

// Windows: no process groups and no shell to lean on, so a small Node script that holds pids.
const WINDOWS_GUARD_SCRIPT = `
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
    try { process.kill(pid, signal); } catch {}
  }
};
process.stdin.on('end', () => {
  if (pids.size === 0) process.exit(0);
  signalAll('SIGTERM');
  setTimeout(() => { signalAll('SIGKILL'); process.exit(0); }, 2000);
});
`;

function spawnGuard(runtime: string): ChildProcess {
  // Detached: in a group of its own, so a Ctrl+C meant for the manager does not end the guard first.
  if (process.platform === 'win32') {
    return spawn(runtime, ['-e', WINDOWS_GUARD_SCRIPT], { stdio: ['pipe', 'ignore', 'ignore'], detached: true, windowsHide: true, env: { ELECTRON_RUN_AS_NODE: '1' } });
  }
  return spawn('/bin/sh', ['-c', POSIX_GUARD_SCRIPT], { stdio: ['pipe', 'ignore', 'ignore'], detached: true, cwd: '/', env: { PATH: '/usr/bin:/bin' } });
}

/** Makes sure no server outlives the manager, even when the manager is killed without warning. */
export class OrphanGuard {
  private readonly tracked = new Set<number>();

  private constructor(private readonly guard: ChildProcess | undefined) {}

  /** `runtime` runs JavaScript (node, or Electron with ELECTRON_RUN_AS_NODE=1): the guard on Windows. */
  static start(runtime: string = process.execPath): OrphanGuard {
    let guard: ChildProcess | undefined;
    try {
      guard = spawnGuard(runtime);
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

  /** Watches a server's process group (its pid; on Windows the process itself). */
  track(pid: number): void {
    this.tracked.add(pid);
    this.guard?.stdin?.write(`+${pid}\n`);
  }

  untrack(pid: number): void {
    this.tracked.delete(pid);
    this.guard?.stdin?.write(`-${pid}\n`);
  }

  /** Synchronous: safe inside process.on('exit'). Like every group kill, it misses a process that called setsid(). */
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
