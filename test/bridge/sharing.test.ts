/**
 * Two real clients, each started from the entry MCP Tray registered in its config (Claude Desktop with
 * the 1.x SDK, Cursor with the 2.x SDK), and the UI, all on one server process through the manager.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/chaos';
import { textOf } from '../support/mcp-child';
import type { BridgedClient, BridgedClientV2 } from './support/bridged-client';
import { callFromTheUi, managedProbePid, pidSeenByTheUi, probeReceived, PROBE } from './support/probe-manager';
import { probeWithTwoClients, type TwoClients } from './support/two-clients';
import { endlessSlow, progressReceived, progressTokens, protocolErrors, recordProgress, requestIds, untilCancelled } from './support/progress';

describe('two clients and the UI on one server process', { timeout: 60_000 }, () => {
  let setup: TwoClients;
  let claude: BridgedClient;
  let cursor: BridgedClientV2;

  beforeAll(async () => {
    setup = await probeWithTwoClients('bridge-sharing');
    ({ claude, cursor } = setup);
  });

  afterAll(async () => {
    await setup?.remove();
  });

  it('serves both clients and the UI from the same process', async () => {
    const viaClaude = Number(textOf(await claude.client.callTool({ name: 'whoami', arguments: {} })));
    const viaCursor = Number(textOf(await cursor.client.callTool({ name: 'whoami', arguments: {} })));
    const viaUi = await pidSeenByTheUi(setup.manager);
    const managed = await managedProbePid(setup.manager);
    expect([viaClaude, viaCursor, viaUi]).toEqual([managed, managed, managed]);
    // Neither launcher runs the server itself.
    expect([claude.pid, cursor.pid]).not.toContain(managed);

    const { sessions } = await setup.manager.control.call('sessions.list', { serverId: PROBE });
    expect(sessions.map((session) => session.client).sort()).toEqual(['claude-desktop', 'cursor']);
    for (const session of sessions) expect(session.pid).toBe(managed);
  });

  it('keeps request ids, progress tokens and progress apart while both clients and the UI call at once', async () => {
    const labels = [1, 2, 3];
    const claudeProgress = labels.map(() => recordProgress());
    const cursorProgress = labels.map(() => recordProgress());
    const calls = [
      ...labels.map((n, i) =>
        claude.client.callTool({ name: 'slow', arguments: { ms: 300, steps: 3, label: `claude-${n}` } }, undefined, { onprogress: claudeProgress[i]?.onprogress }),
      ),
      ...labels.map((n, i) => cursor.client.callTool({ name: 'slow', arguments: { ms: 300, steps: 3, label: `cursor-${n}` } }, { onprogress: cursorProgress[i]?.onprogress })),
    ];
    const texts = await Promise.all([...calls.map(async (call) => textOf(await call)), callFromTheUi(setup.manager, 'slow', { ms: 300, steps: 3, label: 'ui' })]);
    expect(texts).toEqual([...labels.map((n) => `claude-${n} done`), ...labels.map((n) => `cursor-${n} done`), 'ui done']);
    // Both clients number their requests from the same start, so their ids and tokens collide on the way in.
    const claudeIds = requestIds(claude.sent);
    expect(requestIds(cursor.sent).some((id) => claudeIds.includes(id))).toBe(true);
    const claudeTokens = progressTokens(claude.sent);
    const cursorTokens = progressTokens(cursor.sent);
    expect([...cursorTokens.keys()].some((token) => claudeTokens.has(token))).toBe(true);

    // On the wire, each client got every step of each of its calls under that call's token, and nothing else.
    for (const [client, tokens, own] of [
      [claude, claudeTokens, 'claude'],
      [cursor, cursorTokens, 'cursor'],
    ] as const) {
      const received = progressReceived(client.received);
      expect(new Map([...received].map(([token, messages]) => [tokens.get(token), messages]))).toEqual(
        new Map(labels.map((n) => [`${own}-${n}`, [1, 2, 3].map((step) => `${own}-${n} step ${step}`)])),
      );
      expect(protocolErrors(client.errors)).toEqual([]);
    }
    // What the SDK handed each call's onprogress is its own (it may miss a last step read with the response).
    labels.forEach((n, i) => {
      for (const message of claudeProgress[i]?.messages ?? []) expect(message).toMatch(new RegExp(`^claude-${n} step \\d$`));
      for (const message of cursorProgress[i]?.messages ?? []) expect(message).toMatch(new RegExp(`^cursor-${n} step \\d$`));
    });
  });

  it('cancels only the call of the client that cancelled', async () => {
    const claudeProgress = recordProgress();
    const cursorProgress = recordProgress();
    const claudeAbort = new AbortController();
    const cursorAbort = new AbortController();
    const claudeCall = claude.client.callTool(endlessSlow('claude-cancelled'), undefined, untilCancelled(claudeProgress, claudeAbort.signal));
    const cursorCall = cursor.client.callTool(endlessSlow('cursor-running'), untilCancelled(cursorProgress, cursorAbort.signal));
    // Settled below; until then a failing step must not leave them unhandled.
    claudeCall.catch(() => {});
    cursorCall.catch(() => {});
    await Promise.all([claudeProgress.started, cursorProgress.started]);

    claudeAbort.abort();
    await expect(claudeCall).rejects.toThrow();
    await waitFor('the server to see the cancellation', async () => (await probeReceived(setup.manager)).cancelled.includes('claude-cancelled'));
    // The other call still runs: it keeps reporting progress after the server handled the cancellation.
    const seen = cursorProgress.messages.length;
    await waitFor('more progress on the call that was not cancelled', () => cursorProgress.messages.length > seen);
    expect((await probeReceived(setup.manager)).cancelled).not.toContain('cursor-running');

    cursorAbort.abort();
    await expect(cursorCall).rejects.toThrow();
    await waitFor('the second cancellation', async () => (await probeReceived(setup.manager)).cancelled.includes('cursor-running'));
    expect(protocolErrors(claude.errors)).toEqual([]);
    expect(protocolErrors(cursor.errors)).toEqual([]);
  });

  it('keeps serving one client after the other is killed, and cancels the killed one\'s call', async () => {
    const pid = await managedProbePid(setup.manager);
    const claudeProgress = recordProgress();
    const claudeCall = claude.client.callTool(endlessSlow('claude-killed'), undefined, untilCancelled(claudeProgress));
    claudeCall.catch(() => {});
    await claudeProgress.started;

    await claude.kill();
    await waitFor('the killed client\'s call to be cancelled', async () => (await probeReceived(setup.manager)).cancelled.includes('claude-killed'));
    await waitFor('the killed client\'s session to close', async () => {
      const { sessions } = await setup.manager.control.call('sessions.list', { serverId: PROBE });
      return sessions.length === 1;
    });

    expect(Number(textOf(await cursor.client.callTool({ name: 'whoami', arguments: {} })))).toBe(pid);
    const result = await cursor.client.callTool({ name: 'slow', arguments: { ms: 100, steps: 2, label: 'cursor-after' } }, { onprogress: () => {} });
    expect(textOf(result)).toBe('cursor-after done');
    const token = [...progressTokens(cursor.sent)].find(([, label]) => label === 'cursor-after')?.[0];
    expect(progressReceived(cursor.received).get(token)).toEqual(['cursor-after step 1', 'cursor-after step 2']);
  });
});
