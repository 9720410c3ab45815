import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ChildProcessTransport } from '../../src/core/child-transport';

const noop = () => {};

describe('ChildProcessTransport', () => {
  it('lets many sends wait on a full pipe with one wait, and settles them all when the server goes', async () => {
    // A server that never reads its stdin: the pipe fills and later writes must wait for it.
    const transport = new ChildProcessTransport(
      { command: process.execPath, args: ['-e', 'setInterval(() => {}, 1000)'], env: { PATH: process.env.PATH ?? '' }, cwd: tmpdir() },
      { onStderrLine: noop, onStdoutGarbage: noop, onExit: noop, onSpawnError: noop },
      { termAfterMs: 200, killAfterMs: 500 },
    );
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      await transport.start();
      const big = 'x'.repeat(20_000);
      const sends = Array.from({ length: 40 }, (_, id) => transport.send({ jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: `${id} ${big}` } }));
      let settled = 0;
      for (const send of sends) void send.then(() => settled++);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(settled).toBeLessThan(40);
      await transport.close();
      await Promise.all(sends);
      expect(settled).toBe(40);
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });
});
