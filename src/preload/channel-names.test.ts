import { describe, expect, it } from 'vitest';
import { eventChannel, methodChannel } from '../shared/bridge';
import { contract, events } from '../shared/contract';
import { EVENT_NAMES, METHOD_NAMES, preloadEventChannel, preloadMethodChannel } from './channel-names';

describe("the preload's copy of the contract's names", () => {
  it('lists exactly the methods and events of contract.ts', () => {
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(contract).sort());
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(events).sort());
  });

  it('uses the same channel names as bridge.ts', () => {
    for (const method of METHOD_NAMES) expect(preloadMethodChannel(method)).toBe(methodChannel(method));
    for (const event of EVENT_NAMES) expect(preloadEventChannel(event)).toBe(eventChannel(event));
  });
});
