/**
 * The Messages journal with two real clients on one server process through the bridge, and the UI:
 * each message is labelled with the client it belongs to, read and followed over the control socket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessagesAppended, MessageSummary } from '../../src/shared/messages-contract';
import { PROBE } from '../bridge/support/probe-manager';
import { probeWithTwoClients, type TwoClients } from '../bridge/support/two-clients';
import { waitFor } from '../support/chaos';
import { textOf } from '../support/mcp-child';

describe('messages of bridged clients', { timeout: 60_000 }, () => {
  let setup: TwoClients;

  beforeAll(async () => {
    setup = await probeWithTwoClients('messages-bridge');
  });

  afterAll(async () => {
    await setup?.remove();
  });

  async function messagesWith(label: string): Promise<MessageSummary[]> {
    const { messages } = await setup.manager.control.call('messages.query', { serverId: PROBE, limit: 1_000, filters: { method: 'tools/call' } });
    const found: MessageSummary[] = [];
    for (const summary of messages) {
      const { json } = await setup.manager.control.call('messages.get', { serverId: PROBE, seq: summary.seq });
      if (json.includes(`"${label}`)) found.push(summary);
    }
    return found;
  }

  it('labels each client\'s calls and the UI\'s with who made them, and follows them as they cross', async () => {
    const notices: MessagesAppended[] = [];
    const stop = await setup.manager.control.subscribe('messages.appended', (notice) => notices.push(notice));
    try {
      const [viaClaude, viaCursor, viaUi] = await Promise.all([
        setup.claude.client.callTool({ name: 'slow', arguments: { ms: 50, label: 'claude-call' } }),
        setup.cursor.client.callTool({ name: 'slow', arguments: { ms: 50, label: 'cursor-call' } }),
        setup.manager.control.call('tools.call', { serverId: PROBE, name: 'slow', arguments: { ms: 50, label: 'ui-call' }, callId: 'ui-call-1' }),
      ]);
      expect([textOf(viaClaude), textOf(viaCursor), textOf(viaUi.result)]).toEqual(['claude-call done', 'cursor-call done', 'ui-call done']);

      for (const [label, session] of [
        ['claude-call', 'claude-desktop'],
        ['cursor-call', 'cursor'],
        ['ui-call', 'MCP Tray'],
      ] as const) {
        const messages = await messagesWith(label);
        expect(messages.map(({ direction, kind }) => `${direction} ${kind}`)).toEqual(['to-server request', 'from-server response']);
        expect(messages.map((summary) => summary.session)).toEqual([session, session]);
        expect(messages[1]?.latencyMs).toBeGreaterThan(0);
      }
      const ui = await setup.manager.control.call('messages.query', { serverId: PROBE, limit: 100, filters: { callId: 'ui-call-1' } });
      // The manager always asks for progress, so the call's one step comes back as a notification of the call.
      expect(ui.messages.map((summary) => summary.kind)).toEqual(['request', 'notification', 'response']);
      expect(ui.stats.bytesUsed).toBeGreaterThan(0);
      expect(ui.stats.maxBytes).toBe(8 * 1024 * 1024);
      expect(ui.sessions).toEqual(expect.arrayContaining(['claude-desktop', 'cursor', 'MCP Tray']));
      const responseSeq = ui.messages.at(-1)?.seq ?? Number.POSITIVE_INFINITY;
      await waitFor('the UI call\'s response to be announced', () => notices.some((notice) => notice.serverId === PROBE && notice.lastSeq >= responseSeq) || undefined);
    } finally {
      stop();
    }
  });

  it('filters by session and direction, and refuses a message no longer kept with what to do', async () => {
    await setup.cursor.client.callTool({ name: 'whoami', arguments: {} });
    const { messages } = await setup.manager.control.call('messages.query', { serverId: PROBE, limit: 1_000, filters: { session: 'cursor', direction: 'from-server' } });
    expect(messages.length).toBeGreaterThan(0);
    for (const summary of messages) expect(summary).toMatchObject({ session: 'cursor', direction: 'from-server' });
    await expect(setup.manager.control.call('messages.get', { serverId: PROBE, seq: 9_999_999 })).rejects.toThrow(/no longer in the message buffer/);
  });
});
