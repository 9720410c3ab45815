/** The manager as the Electron shell sees it: AppCore's `call` and `on`. */
import type { EventName, EventPayload, MethodName, MethodResult } from '../shared/contract';

export interface Manager {
  call<M extends MethodName>(method: M, input: unknown): Promise<MethodResult<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

