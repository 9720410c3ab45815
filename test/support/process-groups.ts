import { spawn } from 'node:child_process';
import { once } from 'node:events';

/** A process group of two, as a server with a helper: a shell leader and the sleep it started. */
export interface TestGroup {
  leader: number;
  member: number;
}

const started: number[] = [];

/** Starts a group; with ignoreTerm both its processes ignore SIGTERM. */
export async function startProcessGroup(ignoreTerm: boolean): Promise<TestGroup> {
  const script = `${ignoreTerm ? "trap '' TERM; " : ''}sleep 300 & echo $!; wait`;
  const child = spawn('/bin/sh', ['-c', script], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  child.unref();
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  child.stdout.destroy();
  const group = { leader: child.pid as number, member: Number(chunk.toString().trim()) };
  started.push(group.leader);
  return group;
}

/** Ends every group a test started and left behind. */
export function killStartedGroups(): void {
  for (const pgid of started.splice(0)) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
