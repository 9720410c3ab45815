/**
 * A server's request to a client (sampling) goes to the one client whose call is running, and to no
 * other; with two clients busy the manager cannot tell whose it is, so it declines and logs why.
 */
import { CreateMessageRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textOf } from '../support/mcp-child';
import type { BridgedClient, BridgedClientV2 } from './support/bridged-client';
import { PROBE } from './support/probe-manager';
import { probeWithTwoClients, type TwoClients } from './support/two-clients';
import { endlessSlow, recordProgress, untilCancelled } from './support/progress';

const sampled = (text: string) => ({ role: 'assistant' as const, model: 'test-model', content: { type: 'text' as const, text } });

describe('server-to-client requests through the bridge', { timeout: 60_000 }, () => {
  let setup: TwoClients;
  let claude: BridgedClient;
  let cursor: BridgedClientV2;
  const prompts = { claude: [] as string[], cursor: [] as string[] };

  const promptOf = (request: { params: { messages: Array<{ content: unknown }> } }) => {
    const content = request.params.messages[0]?.content as { text?: string } | undefined;
    return content?.text ?? '';
  };

  beforeAll(async () => {
    setup = await probeWithTwoClients('bridge-server-requests', { sampling: {} });
    ({ claude, cursor } = setup);
    claude.client.setRequestHandler(CreateMessageRequestSchema, (request) => {
      prompts.claude.push(promptOf(request));
      return sampled('from claude');
    });
    cursor.client.setRequestHandler('sampling/createMessage', (request) => {
      prompts.cursor.push(promptOf(request));
      return sampled('from cursor');
    });
  });

  afterAll(async () => {
    await setup?.remove();
  });

  it('asks only the client whose call is running', async () => {
    const viaClaude = await claude.client.callTool({ name: 'ask_sampling', arguments: { prompt: 'for claude' } });
    expect(textOf(viaClaude)).toBe('from claude');
    const viaCursor = await cursor.client.callTool({ name: 'ask_sampling', arguments: { prompt: 'for cursor' } });
    expect(textOf(viaCursor)).toBe('from cursor');
    expect(prompts).toEqual({ claude: ['for claude'], cursor: ['for cursor'] });
    expect(claude.errors).toEqual([]);
    expect(cursor.errors).toEqual([]);
  });

  it('declines sampling while two clients have calls running, and logs why', async () => {
    const before = { claude: prompts.claude.length, cursor: prompts.cursor.length };
    const progress = recordProgress();
    const abort = new AbortController();
    const busy = claude.client.callTool(endlessSlow('claude-busy'), undefined, untilCancelled(progress, abort.signal));
    busy.catch(() => {});
    await progress.started;

    const declined = await cursor.client.callTool({ name: 'ask_sampling', arguments: { prompt: 'whose?' } });
    expect(declined.isError).toBe(true);
    expect(textOf(declined)).toMatch(/^sampling failed: .*Sampling is not available: 2 clients have calls running/);
    expect({ claude: prompts.claude.length, cursor: prompts.cursor.length }).toEqual(before);

    const warnings = (await setup.manager.control.call('logs.query', { serverId: PROBE, minLevel: 'warn' })).entries;
    expect(warnings.map((entry) => entry.message)).toContainEqual(expect.stringMatching(/^sampling\/createMessage declined: 2 clients have calls running on this server/));
    abort.abort();
    await expect(busy).rejects.toThrow();
  });
});
