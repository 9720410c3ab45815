/**
 * Large tool results end to end: the BUILT CLI runs `mcp-tray serve` with the chaos fixture server,
 * then results of several MB go through the real supervisor to `mcp-tray call` over the control
 * socket and to the HTTP host, and one over the configured limit fails its call with the sizes.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ServerSummary } from '../../src/shared/contract';
import { chaosServerPath, waitFor } from '../support/chaos';
import { projectRoot, textOf } from '../support/mcp-child';
import { createCliSandbox, describeRun, jsonOf, waitForOutput, type BackgroundCli, type CliSandbox } from './cli-harness';
import { callMethod } from '../surfaces/http/serve-http-support';

const LINK = /^(http:\/\/127\.0\.0\.1:\d+)\/\?token=([A-Za-z0-9_-]{43})$/m;
const MB = 1024 * 1024;

interface Envelope<T> {
  ok: boolean;
  result?: T;
  error?: { code: string; message: string };
}

describe('large tool results through the CLI and the HTTP host', { timeout: 120_000 }, () => {
  let sandbox: CliSandbox;
  let serve: BackgroundCli;
  let origin: string;
  let token: string;

  async function call<T>(method: string, input: unknown): Promise<Envelope<T>> {
    const response = await callMethod(origin, token, method, input);
    expect(response.status, response.body.slice(0, 500)).toBe(200);
    return JSON.parse(response.body) as Envelope<T>;
  }

  beforeAll(async () => {
    if (!existsSync(path.join(projectRoot, 'out/renderer/index.html'))) {
      throw new Error('out/renderer/index.html is missing: build the UI with "npx electron-vite build" (npm run build does).');
    }
    sandbox = await createCliSandbox('large-results');
    for (const args of [
      ['servers', 'add', 'chaos', '--', process.execPath, chaosServerPath],
      // Never the real GitHub: a closed port on this machine.
      ['servers', 'env', 'github', 'GITHUB_API_URL=http://127.0.0.1:9'],
    ]) {
      const result = await sandbox.run(args);
      expect(result.code, describeRun(result)).toBe(0);
    }
    serve = sandbox.spawn(['serve', '--no-open']);
    await waitForOutput(serve, LINK, 'stdout', 60_000);
    const link = LINK.exec(serve.stdout()) as RegExpExecArray;
    origin = link[1] as string;
    token = link[2] as string;
    await waitFor('the chaos server to run', async () => {
      const servers = (await call<ServerSummary[]>('servers.list', {})).result ?? [];
      return servers.find((server) => server.id === 'chaos')?.health.state === 'running';
    }, 60_000);
  }, 120_000);

  afterAll(async () => {
    serve?.child.kill('SIGKILL');
    await sandbox?.remove();
  });

  it('mcp-tray call prints results of 2.8 MB and 10 MB whole, through the control socket', async () => {
    for (const megabytes of [2.8, 10]) {
      const result = await sandbox.run(['call', 'chaos', 'big_text', `megabytes=${megabytes}`, '--output', 'json'], { timeoutMs: 90_000 });
      expect(result.code, describeRun({ ...result, stdout: result.stdout.slice(0, 500) })).toBe(0);
      const text = textOf(jsonOf<CallToolResult>(result));
      expect(text.length).toBe(Math.round(megabytes * MB));
      expect(text.endsWith('END')).toBe(true);
    }
  });

  it('the HTTP host answers a 10 MB result whole, and fails one over a lowered limit at once, saying the sizes', async () => {
    const big = await call<{ result: CallToolResult }>('tools.call', { serverId: 'chaos', name: 'big_text', arguments: { megabytes: 10 } });
    expect(big.ok, JSON.stringify(big.error)).toBe(true);
    expect(textOf(big.result?.result).length).toBe(10 * MB);

    expect((await call('settings.update', { maxMessageMb: 1 })).ok).toBe(true);
    try {
      // The call timeout stays far away: only the size can end this call.
      const refused = await call('tools.call', { serverId: 'chaos', name: 'big_text', arguments: { megabytes: 2.8 }, timeoutMs: 3_600_000 });
      expect(refused.ok).toBe(false);
      expect(refused.error?.code).toBe('failed');
      expect(refused.error?.message).toMatch(/the response was too large \(2\.9 MB, limit 1 MB\)/);
      const small = await call<{ result: CallToolResult }>('tools.call', { serverId: 'chaos', name: 'echo', arguments: { text: 'still here' } });
      expect(textOf(small.result?.result)).toBe('still here');
    } finally {
      await call('settings.update', { maxMessageMb: 64 });
    }
  });
});
