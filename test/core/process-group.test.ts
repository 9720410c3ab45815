import { afterEach, describe, expect, it } from 'vitest';
import { GroupReaper } from '../../src/core/process-group';
import { isAlive, waitFor } from '../support/chaos';
import { killStartedGroups, startProcessGroup } from '../support/process-groups';

afterEach(killStartedGroups);

describe.runIf(process.platform !== 'win32')('GroupReaper', () => {
  it('ends every process of a group, escalating to SIGKILL, and lets the guard forget it once it is empty', async () => {
    const forgotten: number[] = [];
    const stillThere: number[] = [];
    const reaper = new GroupReaper({ graceMs: 200, guard: { untrack: (pgid) => forgotten.push(pgid) }, onStillThere: (pgid) => stillThere.push(pgid) });
    const group = await startProcessGroup(true);
    reaper.end(group.leader);
    await reaper.settled();
    await waitFor('the group to be gone', () => !isAlive(group.leader) && !isAlive(group.member));
    await waitFor('the guard to forget the group', () => forgotten.includes(group.leader));
    expect(stillThere).toEqual([]);
  });

  it('keeps the guard watching a group while a process of it lives on', async () => {
    const forgotten: number[] = [];
    // A grace longer than the test: SIGTERM is ignored, and SIGKILL does not come while the test looks.
    const reaper = new GroupReaper({ graceMs: 120_000, guard: { untrack: (pgid) => forgotten.push(pgid) }, onStillThere: () => {} });
    const group = await startProcessGroup(true);
    reaper.end(group.leader);
    // Both survive SIGTERM: the group is not empty, so it is not forgotten.
    expect(isAlive(group.member)).toBe(true);
    expect(forgotten).toEqual([]);
    process.kill(-group.leader, 'SIGKILL');
    await waitFor('the guard to forget the group once it is empty', () => forgotten.includes(group.leader));
  });
});
