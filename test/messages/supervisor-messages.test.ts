/**
 * The message journal on a real server process: the SDK client numbers the requests, and each one,
 * its progress and its answer are still labelled with the caller that made it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogStore } from '../../src/core/logs';
import { MessageJournal } from '../../src/core/messages/message-journal';
import { ServerSupervisor } from '../../src/core/supervisor';
import type { MessageSummary } from '../../src/shared/messages-contract';
import { bridgeProbeServerPath } from '../support/bridge-probe';
import { makeTempDir } from '../support/chaos';

describe('the message journal of a supervised server', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let logs: LogStore;
  let supervisor: ServerSupervisor;
  let journal: MessageJournal;

  beforeEach(async () => {
    temp = await makeTempDir('messages');
    logs = new LogStore({ dir: null, bufferSize: 5_000 });
    journal = new MessageJournal({ serverId: 'probe', maxBytes: () => 8 * 1024 * 1024, maxCount: 100_000 });
    supervisor = new ServerSupervisor({
      serverId: 'probe',
      resolveLaunch: async () => ({ command: process.execPath, args: [bridgeProbeServerPath], env: { PATH: process.env.PATH ?? '' }, cwd: temp.dir, secretValues: ['probe-secret-1234'] }),
      logs,
      timings: () => ({ healthIntervalMs: 60_000, pingTimeoutMs: 5_000, callTimeoutMs: 30_000 }),
      onHealth: () => {},
      onListChanged: () => {},
      messages: journal,
    });
  });

  afterEach(async () => {
    await supervisor.dispose();
    await logs.close();
    await temp.remove();
  });

  function label(summary: MessageSummary): string | undefined {
    const text = journal.get(summary.seq)?.json ?? '';
    return /"(?:label|text|message)":"(claude-\d|cursor-\d|ui)(?: done| step \d)?"/.exec(text)?.[1];
  }

  it('labels concurrent calls of different callers, their progress and their answers, by the caller', async () => {
    await supervisor.start();
    const calls = [1, 2].flatMap((n) => [
      supervisor.timedCall({ name: 'slow', arguments: { ms: 60, steps: 2, label: `claude-${n}` }, callId: `claude-call-${n}`, client: 'Claude Desktop' }),
      supervisor.forward('tools/call', { name: 'slow', arguments: { ms: 60, steps: 2, label: `cursor-${n}` } }, { origin: { session: 'Cursor' }, onProgress: () => {} }),
      supervisor.timedCall({ name: 'slow', arguments: { ms: 60, steps: 2, label: 'ui' }, callId: `ui-call-${n}` }),
    ]);
    await Promise.all(calls);
    const toolMessages = journal.query(undefined, 1_000, { method: 'tools/call' });
    const progress = journal.query(undefined, 1_000, { method: 'notifications/progress' });
    const labelled = [...toolMessages, ...progress];
    // Requests, progress and responses (those carrying a label in their text) of all six calls.
    expect(labelled.filter((summary) => label(summary) !== undefined).length).toBeGreaterThanOrEqual(6 * 4);
    for (const summary of labelled) {
      const who = label(summary);
      if (who === undefined) continue;
      const expected = who.startsWith('claude') ? 'Claude Desktop' : who.startsWith('cursor') ? 'Cursor' : 'MCP Tray';
      expect({ who, session: summary.session }).toEqual({ who, session: expected });
    }
    const claudeCall = journal.query(undefined, 100, { callId: 'claude-call-1' });
    expect(claudeCall.map((summary) => summary.kind)).toEqual(['request', 'notification', 'notification', 'response']);
    expect(claudeCall.at(-1)?.latencyMs).toBeGreaterThan(0);
    // The handshake and the lists the manager loads for itself are its own.
    expect(journal.query(undefined, 10, { method: 'initialize' })[0]?.session).toBe('MCP Tray');
  });

  it('takes the server\'s secret out of a message when it is read', async () => {
    await supervisor.start();
    await supervisor.timedCall({ name: 'slow', arguments: { ms: 0, label: 'probe-secret-1234' }, callId: 'secret-call' });
    const [request] = journal.query(undefined, 10, { callId: 'secret-call' });
    expect(journal.get(request?.seq ?? -1)?.json).not.toContain('probe-secret-1234');
    expect(journal.get(request?.seq ?? -1)?.json).toContain('[redacted]');
  });
});
