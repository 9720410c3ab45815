import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isAlive, makeTempDir, startsRecorded, waitFor } from '../support/chaos';
import { projectRoot } from '../support/mcp-child';

interface RunningManager {
  manager: ChildProcess;
  /** Pids of the servers, as the manager reported them once they were where the scenario wants them. */
  pids: number[];
  /** Pids of the helpers the chaos server forked. */
  helpers: () => Promise<number[]>;
  /** Pids of the chaos server's starts, as it recorded them. */
  starts: () => Promise<number[]>;
}

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function startManager(scenario: string): Promise<RunningManager> {
  const temp = await makeTempDir('orphans');
  const manager = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'test/fixtures/run-manager.ts'), temp.dir, scenario], {
    cwd: projectRoot,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  cleanups.push(async () => {
    manager.kill('SIGKILL');
    await temp.remove();
  });
  let output = '';
  manager.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const { pids } = await waitFor('the manager to report its servers', () => {
    const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
    return line ? (JSON.parse(line) as { pids: number[] }) : undefined;
  }, 30_000);
  return {
    manager,
    pids,
    helpers: () => startsRecorded(path.join(temp.dir, 'helpers.log')),
    starts: () => startsRecorded(path.join(temp.dir, 'starts.log')),
  };
}

async function killWithoutWarning(manager: ChildProcess): Promise<void> {
  manager.kill('SIGKILL');
  await once(manager, 'exit');
}

const everyProcessGone = (pids: number[]) => waitFor('every process to be gone', () => pids.every((pid) => !isAlive(pid)), 15_000);

describe('a manager killed without warning', { timeout: 60_000 }, () => {
  it('leaves no server running, even one that ignores stdin closing and SIGTERM', async () => {
    const { manager, pids } = await startManager('ignoring');
    expect(pids).toHaveLength(2);
    for (const pid of pids) expect(isAlive(pid)).toBe(true);
    await killWithoutWarning(manager);
    await everyProcessGone(pids);
  });

  it('leaves no helper of a server that already crashed, while the helper ignores SIGTERM', async () => {
    const { manager, pids, helpers } = await startManager('crashed-helper');
    const [helper] = await helpers();
    expect(isAlive(pids[0] as number)).toBe(false);
    expect(isAlive(helper as number)).toBe(true);
    await killWithoutWarning(manager);
    await everyProcessGone([helper as number]);
  });

  it('leaves no server that was still in its handshake', async () => {
    const { manager, starts } = await startManager('handshake');
    const [pid] = await waitFor('the server to start', async () => ((await starts()).length > 0 ? starts() : undefined));
    expect(isAlive(pid as number)).toBe(true);
    await killWithoutWarning(manager);
    await everyProcessGone([pid as number]);
  });
});

describe('a manager stopped with Ctrl+C', { timeout: 60_000 }, () => {
  it('ends a server and the helper it forked, though the helper ignores SIGTERM', async () => {
    const { manager, pids, helpers } = await startManager('helper');
    const [helper] = await helpers();
    expect(isAlive(helper as number)).toBe(true);
    manager.kill('SIGINT');
    const [code] = (await once(manager, 'exit')) as [number | null];
    expect(code).toBe(0);
    await everyProcessGone([...pids, helper as number]);
  });
});
