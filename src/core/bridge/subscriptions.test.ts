import { describe, expect, it } from 'vitest';
import { SubscriptionTable } from './subscriptions';

describe('SubscriptionTable', () => {
  it('tells the server of the first subscriber and of the last one leaving, only', () => {
    const table = new SubscriptionTable<string>();
    expect(table.add('r://1', 'a')).toBe(true);
    expect(table.add('r://1', 'b')).toBe(false);
    expect(table.remove('r://1', 'a')).toBe(false);
    expect(table.remove('r://1', 'a')).toBe(false);
    expect([...table.subscribers('r://1')]).toEqual(['b']);
    table.add('r://2', 'b');
    expect(table.removeSession('b').sort()).toEqual(['r://1', 'r://2']);
    expect(table.uris()).toEqual([]);
  });
});
