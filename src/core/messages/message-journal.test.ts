import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { REDACTED } from '../../shared/redact';
import { MessageJournal, type NewJournalEntry } from './message-journal';
import { ConnectionTap } from './wire-tap';

function journal(maxBytes = 1_000_000, maxCount = 1_000): MessageJournal {
  return new MessageJournal({ serverId: 'demo', maxBytes: () => maxBytes, maxCount });
}

function entry(text: string, fields: Partial<NewJournalEntry> = {}): NewJournalEntry {
  return { time: Date.now(), direction: 'to-server', kind: 'notification', method: 'notifications/x', id: null, bytes: Buffer.byteLength(text), latencyMs: null, session: null, callId: null, text, ...fields };
}

function wire(tap: ConnectionTap, direction: 'sent' | 'received', message: Record<string, unknown>): void {
  const full = { jsonrpc: '2.0', ...message } as JSONRPCMessage;
  tap[direction](JSON.stringify(full), full);
}

describe('MessageJournal', () => {
  it('drops the oldest messages to stay within its bytes, and says how many it dropped', () => {
    const messages = journal(250);
    for (let n = 0; n < 10; n++) messages.append(entry(`{"n":${n},"pad":"${'x'.repeat(80)}"}`));
    const stats = messages.stats();
    expect(stats.bytesUsed).toBeLessThanOrEqual(250);
    expect(stats.count).toBe(2);
    expect(stats.dropped).toBe(8);
    expect(messages.query(undefined, 100, {}).map((summary) => summary.seq)).toEqual([9, 10]);
    expect(messages.get(1)).toBeUndefined();
  });

  it('drops the oldest messages beyond its count, however small they are', () => {
    const messages = journal(1_000_000, 3);
    for (let n = 0; n < 5; n++) messages.append(entry('{}'));
    expect(messages.stats()).toMatchObject({ count: 3, dropped: 2, bytesUsed: 6 });
  });

  it('keeps only the summary of a message larger than the whole buffer', () => {
    const messages = journal(100);
    messages.append(entry(`{"big":"${'y'.repeat(500)}"}`));
    const detail = messages.get(1);
    expect(detail?.kept).toBe(false);
    expect(detail?.bytes).toBe(510);
    expect(detail?.json).toContain('larger than the whole message buffer');
    expect(messages.stats().bytesUsed).toBe(0);
  });

  it('redacts the server\'s secret values and token shapes when a message is read, keeping _meta as sent', () => {
    const messages = journal();
    messages.addSecrets(['hunter2-secret-value']);
    const text = JSON.stringify({ jsonrpc: '2.0', id: 1, result: { content: [{ type: 'text', text: 'key hunter2-secret-value and ghp_abcdefghijklmnopqrstuvwxyz0123' }], _meta: { trace: 'abc' } } });
    messages.append(entry(text, { direction: 'from-server', kind: 'response' }));
    const json = messages.get(1)?.json ?? '';
    expect(json).not.toContain('hunter2-secret-value');
    expect(json).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123');
    expect(json.split(REDACTED)).toHaveLength(3);
    expect(JSON.parse(json)).toMatchObject({ result: { _meta: { trace: 'abc' } } });
  });

  it('filters by method (any part, any case), direction, session and call', () => {
    const messages = journal();
    messages.append(entry('{}', { method: 'tools/call', session: 'Cursor', callId: 'c1', kind: 'request', id: 1 }));
    messages.append(entry('{}', { method: 'tools/call', session: 'Cursor', callId: 'c1', kind: 'response', id: 1, direction: 'from-server' }));
    messages.append(entry('{}', { method: 'ping', session: 'health', kind: 'request', id: 2 }));
    expect(messages.query(undefined, 10, { method: 'TOOLS' }).map((m) => m.seq)).toEqual([1, 2]);
    expect(messages.query(undefined, 10, { direction: 'from-server' }).map((m) => m.seq)).toEqual([2]);
    expect(messages.query(undefined, 10, { session: 'health' }).map((m) => m.seq)).toEqual([3]);
    expect(messages.query(undefined, 10, { callId: 'c1' }).map((m) => m.seq)).toEqual([1, 2]);
    expect(messages.query(1, 10, {}).map((m) => m.seq)).toEqual([2, 3]);
    expect(messages.query(undefined, 1, {}).map((m) => m.seq)).toEqual([3]);
    expect(messages.sessions()).toEqual(['Cursor', 'health']);
  });
});

describe('ConnectionTap', () => {
  it('labels the request the SDK numbers with the origin given just before it, and its response with the latency', () => {
    const messages = journal();
    const tap = new ConnectionTap(messages, { session: 'MCP Tray' });
    tap.nextRequestFrom({ session: 'Cursor', callId: 'call-7' });
    wire(tap, 'sent', { id: 5, method: 'tools/call', params: { name: 'x', _meta: { progressToken: 9 } } });
    tap.nextRequestFrom(undefined);
    wire(tap, 'sent', { id: 6, method: 'tools/list' });
    wire(tap, 'received', { method: 'notifications/progress', params: { progressToken: 9, progress: 1 } });
    wire(tap, 'sent', { method: 'notifications/cancelled', params: { requestId: 5 } });
    wire(tap, 'received', { id: 6, result: { tools: [] } });
    wire(tap, 'received', { id: 5, error: { code: -1, message: 'no' } });
    const rows = messages.query(undefined, 10, {}).map(({ direction, kind, method, id, session, callId }) => ({ direction, kind, method, id, session, callId }));
    expect(rows).toEqual([
      { direction: 'to-server', kind: 'request', method: 'tools/call', id: 5, session: 'Cursor', callId: 'call-7' },
      { direction: 'to-server', kind: 'request', method: 'tools/list', id: 6, session: 'MCP Tray', callId: null },
      { direction: 'from-server', kind: 'notification', method: 'notifications/progress', id: null, session: 'Cursor', callId: 'call-7' },
      { direction: 'to-server', kind: 'notification', method: 'notifications/cancelled', id: null, session: 'Cursor', callId: 'call-7' },
      { direction: 'from-server', kind: 'response', method: 'tools/list', id: 6, session: 'MCP Tray', callId: null },
      { direction: 'from-server', kind: 'error', method: 'tools/call', id: 5, session: 'Cursor', callId: 'call-7' },
    ]);
    const summaries = messages.query(undefined, 10, {});
    expect(summaries[0]?.latencyMs).toBeNull();
    expect(summaries[4]?.latencyMs).toBeGreaterThanOrEqual(0);
    expect(summaries[5]?.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('pairs the manager\'s answer to a server\'s own request with it, in the other direction', () => {
    const messages = journal();
    const tap = new ConnectionTap(messages, { session: 'MCP Tray' });
    wire(tap, 'received', { id: 0, method: 'roots/list' });
    wire(tap, 'sent', { id: 0, result: { roots: [] } });
    const [request, answer] = messages.query(undefined, 10, {});
    expect(request).toMatchObject({ direction: 'from-server', kind: 'request', session: null });
    expect(answer).toMatchObject({ direction: 'to-server', kind: 'response', method: 'roots/list', id: 0 });
    expect(answer?.latencyMs).not.toBeNull();
  });
});
