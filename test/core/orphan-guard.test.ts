import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { OrphanGuard } from '../../src/core/orphan-guard';
import { isAlive, waitFor } from '../support/chaos';
import { killStartedGroups, startProcessGroup } from '../support/process-groups';

const posix = process.platform !== 'win32';
afterEach(killStartedGroups);

describe.runIf(posix)('OrphanGuard', () => {
  it('ends every group still registered when the manager lets go of it, and spares the ones it forgot', async () => {
    const guard = OrphanGuard.start();
    const polite = await startProcessGroup(false);
    const stubborn = await startProcessGroup(true);
    const forgotten = await startProcessGroup(false);
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
