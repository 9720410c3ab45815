/**
 * The reference "everything" server, added as a custom server: it shows the tools it keeps for
 * clients that declare sampling, elicitation and roots, and its sampling tool is answered by a
 * person through MCP Tray's window.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../src/core/app-core';
import { createTestCore } from '../support/app-core-harness';
import { makeTempDir, waitFor } from '../support/chaos';
import { textOf } from '../support/mcp-child';

const everythingEntry = path.join(path.dirname(createRequire(import.meta.url).resolve('@modelcontextprotocol/server-everything/package.json')), 'dist/index.js');

describe('the reference everything server in MCP Tray', { timeout: 60_000 }, () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let core: AppCore;

  beforeEach(async () => {
    temp = await makeTempDir('server-everything');
    ({ core } = await createTestCore(temp.dir));
    await core.call('servers.add', { id: 'everything', name: 'Everything', command: process.execPath, args: [everythingEntry, 'stdio'], autostart: false, sharing: 'shared', roots: [temp.dir] });
    await core.call('servers.start', { id: 'everything' });
  });

  afterEach(async () => {
    await core.shutdown();
    await temp.remove();
  });

  it('lists the tools it offers only to clients that can sample, elicit and give roots, and its sampling call is answered through the window', async () => {
    const toolNames = async () => (await core.call('tools.list', { serverId: 'everything' })).tools.map((tool) => tool.name);
    await waitFor('the tools kept for capable clients', async () => (await toolNames()).includes('trigger-sampling-request'));
    expect(await toolNames()).toEqual(expect.arrayContaining(['trigger-sampling-request', 'trigger-elicitation-request', 'trigger-url-elicitation', 'get-roots-list']));

    core.serverRequests.attachWindow();
    const call = core.call('tools.call', { serverId: 'everything', name: 'trigger-sampling-request', arguments: { prompt: 'Say hello', maxTokens: 20 } });
    const waiting = await waitFor('the sampling request on the desk', async () => (await core.call('serverRequests.list', {})).requests[0]);
    expect(waiting).toMatchObject({ method: 'sampling/createMessage', serverId: 'everything', params: { systemPrompt: 'You are a helpful test server.', maxTokens: 20 } });
    await core.call('serverRequests.answer', { id: waiting.id, result: { role: 'assistant', model: 'a person', stopReason: 'endTurn', content: { type: 'text', text: 'Hello from a person' } } });
    const result = textOf((await call).result);
    expect(result).toContain('LLM sampling result');
    expect(result).toContain('Hello from a person');
  });
});
