import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAlive, makeTempDir, waitFor } from '../support/chaos';
import { projectRoot } from '../support/mcp-child';

describe('a manager killed without warning', () => {
  it('leaves no server running, even one that ignores stdin closing and SIGTERM', async () => {
    const temp = await makeTempDir('orphans');
    const manager = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'test/fixtures/run-manager.ts'), temp.dir], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      let output = '';
      manager.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const { pids } = await waitFor('the manager to report its servers', () => {
        const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
        return line ? (JSON.parse(line) as { pids: number[] }) : undefined;
      }, 30_000);
      expect(pids).toHaveLength(2);
      for (const pid of pids) expect(isAlive(pid)).toBe(true);

      manager.kill('SIGKILL');
      await once(manager, 'exit');
      await waitFor('every server to be gone', () => pids.every((pid) => !isAlive(pid)), 15_000);
    } finally {
      manager.kill('SIGKILL');
      await temp.remove();
    }
  });
});
