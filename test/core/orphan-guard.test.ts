import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { OrphanGuard } from '../../src/core/orphan-guard';
import { isAlive, waitFor } from '../support/chaos';

const posix = process.platform !== 'win32';
const leftovers: number[] = [];

afterEach(() => {
  for (const pgid of leftovers.splice(0)) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

/** A process group of two, as a server with a helper: a shell leader and the sleep it started. */
async function startGroup(ignoreTerm: boolean): Promise<{ leader: number; member: number }> {
  const script = `${ignoreTerm ? "trap '' TERM; " : ''}sleep 300 & echo $!; wait`;
  const child = spawn('/bin/sh', ['-c', script], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  child.unref();
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  child.stdout.destroy();
  const group = { leader: child.pid as number, member: Number(chunk.toString().trim()) };
  leftovers.push(group.leader);
  return group;
}

describe.runIf(posix)('OrphanGuard', () => {
  it('ends every group still registered when the manager lets go of it, and spares the ones it forgot', async () => {
    const guard = OrphanGuard.start();
    const polite = await startGroup(false);
    const stubborn = await startGroup(true);
    const forgotten = await startGroup(false);
    guard.track(polite.leader);
    guard.track(stubborn.leader);
    guard.track(forgotten.leader);
    guard.untrack(forgotten.leader);
    const guardPid = guard.guardPid as number;
    guard.dispose();
    const ended = [polite.leader, polite.member, stubborn.leader, stubborn.member];
    await waitFor('the registered groups to be gone', () => ended.every((pid) => !isAlive(pid)));
    await waitFor('the guard to exit', () => !isAlive(guardPid));
    expect(isAlive(forgotten.leader)).toBe(true);
    expect(isAlive(forgotten.member)).toBe(true);
  });

  it('is a small process, not a second JavaScript runtime', () => {
    const guard = OrphanGuard.start();
    try {
      const rssKb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(guard.guardPid)]).toString().trim());
      expect(rssKb).toBeGreaterThan(0);
      // A Node process takes about 40 MB; the shell about 2.
      expect(rssKb).toBeLessThan(10_000);
    } finally {
      guard.dispose();
    }
  });
});
