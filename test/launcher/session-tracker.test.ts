import { describe, expect, it } from 'vitest';
import { SessionTracker } from '../../src/launcher/session-tracker';
import { managerWaitMs } from '../../src/launcher/manager-wait';
import { responseLine } from '../support/fake-bridge';

const initialize = { jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: { sampling: {} }, clientInfo: { name: 'c', version: '1', title: 'C' } } };

describe('SessionTracker', () => {
  it('keeps the client\'s handshake, and its requests until the manager answers them', () => {
    const tracker = new SessionTracker();
    tracker.noteClientLine(JSON.stringify(initialize));
    tracker.noteClientLine(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }));
    tracker.noteClientLine(JSON.stringify({ method: 'tools/call', params: { name: 'x' }, jsonrpc: '2.0', id: 'a"b' }));
    tracker.noteClientLine(JSON.stringify({ method: 'tools/list', jsonrpc: '2.0', id: 2 }));
    expect(tracker.handshake).toEqual(initialize.params);

    expect(tracker.noteUpstreamLine(responseLine(0, { protocolVersion: '2025-06-18' }), true)).toBe('0');
    expect(tracker.noteUpstreamLine('{"jsonrpc":"2.0","id":"a\\"b","error":{"code":1,"message":"no"}}', true)).toBe('"a\\"b"');
    // A request from the manager, and a notification, answer nothing.
    expect(tracker.noteUpstreamLine('{"jsonrpc":"2.0","method":"roots/list","params":{},"id":2}', true)).toBeUndefined();
    expect(tracker.noteUpstreamLine('{"jsonrpc":"2.0","method":"notifications/message","params":{}}', true)).toBeUndefined();
    expect(tracker.takePending()).toEqual([2]);
    expect(tracker.takePending()).toEqual([]);
  });

  it('reads a server of its own whatever its key order, and batches both ways', () => {
    const tracker = new SessionTracker();
    tracker.noteClientLine(JSON.stringify([{ jsonrpc: '2.0', id: 1, method: 'ping' }, { jsonrpc: '2.0', id: 2, method: 'ping' }, { jsonrpc: '2.0', id: 3, method: 'ping' }]));
    expect(tracker.noteUpstreamLine('{"result":{},"jsonrpc":"2.0","id":1}', false)).toBe('1');
    expect(tracker.noteUpstreamLine('[{"jsonrpc":"2.0","id":2,"result":{}}]', true)).toBeUndefined();
    expect(tracker.takePending()).toEqual([3]);
  });

  it('forgets a request the client cancelled, which gets no answer', () => {
    const tracker = new SessionTracker();
    tracker.noteClientLine(JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/call', params: { name: 'slow' } }));
    tracker.noteClientLine(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 9 } }));
    expect(tracker.takePending()).toEqual([]);
  });

  it('keeps no handshake it could not resume with, and skips lines that are not JSON', () => {
    const tracker = new SessionTracker();
    tracker.noteClientLine('not json');
    tracker.noteClientLine(JSON.stringify({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: 1 } }));
    expect(tracker.handshake).toBeUndefined();
    expect(tracker.takePending()).toEqual([0]);
  });
});

describe('managerWaitMs', () => {
  it('takes MCP_TRAY_MANAGER_WAIT_MS from 0 to 60 000 ms, and 4 s otherwise', () => {
    expect(managerWaitMs({})).toBe(4_000);
    expect(managerWaitMs({ MCP_TRAY_MANAGER_WAIT_MS: '0' })).toBe(0);
    expect(managerWaitMs({ MCP_TRAY_MANAGER_WAIT_MS: '250' })).toBe(250);
    for (const unusable of ['', ' ', '-1', '1.5', '60001', 'soon']) expect(managerWaitMs({ MCP_TRAY_MANAGER_WAIT_MS: unusable })).toBe(4_000);
  });
});
