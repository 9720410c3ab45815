import { describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodResult, ToolChanges } from '../../shared/contract';
import { fakeApiClient } from '../../../test/support/fake-api-client';
import { HeldToolsStore } from './held-tools-store';

function changesOf(serverId: string, held: string[]): ToolChanges {
  return { serverId, pinned: true, approvedAt: null, changes: held.map((tool) => ({ tool, change: 'changed', fields: ['description'], diff: '' })), held };
}

/** A fake manager: tools.changes answers from `held` (or fails for a server not in it); the test emits events. */
function fakeManager(held: Record<string, string[]>) {
  const reads: string[] = [];
  const fake = fakeApiClient(async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> => {
    if (method !== 'tools.changes') throw new Error(`unexpected ${method}`);
    const { serverId } = input as MethodInput<'tools.changes'>;
    reads.push(serverId);
    const tools = held[serverId];
    if (!tools) throw new Error('tool exposure is not available');
    return changesOf(serverId, tools) as MethodResult<M>;
  }, 'http');
  return { ...fake, reads };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('HeldToolsStore', () => {
  it('reads each server once, counts a failed read as nothing held, and follows tools.held', async () => {
    const manager = fakeManager({ weather: [], notes: ['write_note'] });
    const store = new HeldToolsStore(manager.client);
    const stop = store.start();
    let notified = 0;
    store.subscribe(() => (notified += 1));
    store.track(['weather', 'notes', 'broken']);
    store.track(['weather', 'notes', 'broken']);
    await settle();
    expect(manager.reads).toEqual(['weather', 'notes', 'broken']);
    expect([...store.getSnapshot()]).toEqual([['notes', ['write_note']]]);
    expect(notified).toBe(1);

    manager.emit('tools.held', { serverId: 'weather', held: ['get_weather'] });
    manager.emit('tools.held', { serverId: 'notes', held: [] });
    expect([...store.getSnapshot()]).toEqual([['weather', ['get_weather']]]);
    stop();
    manager.emit('tools.held', { serverId: 'weather', held: [] });
    expect(store.getSnapshot().get('weather')).toEqual(['get_weather']);
  });

  it('lets an event that arrives during a read win over the read, and forgets removed servers', async () => {
    const manager = fakeManager({ notes: ['write_note'] });
    const store = new HeldToolsStore(manager.client);
    store.start();
    store.track(['notes']);
    manager.emit('tools.held', { serverId: 'notes', held: [] });
    await settle();
    expect(store.getSnapshot().size).toBe(0);

    store.apply(changesOf('notes', ['read_note']));
    expect(store.getSnapshot().get('notes')).toEqual(['read_note']);
    store.track([]);
    expect(store.getSnapshot().size).toBe(0);
  });
});
