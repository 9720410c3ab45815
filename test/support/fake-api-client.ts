/**
 * An ApiClient for the renderer's store tests: calls go to `call`, and events are emitted by the
 * test by hand, as the manager would send them.
 */
import type { EventName, EventPayload, MethodInput, MethodName, MethodResult } from '../../src/shared/contract';
import type { ApiClient } from '../../src/renderer/api/api-client';

type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodResult<M>>;

export function fakeApiClient(call: Call, transport: ApiClient['transport'] = 'ipc') {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const client: ApiClient = {
    transport,
    call,
    on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => listeners.get(event)?.forEach((listener) => listener(payload));
  const listenerCount = () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0);
  return { client, emit, listenerCount };
}
