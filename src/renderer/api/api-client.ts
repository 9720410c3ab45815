import type { ContractErrorCode, EventName, EventPayload, MethodInput, MethodName, MethodResult } from '../../shared/contract';

/**
 * The UI's one way to the manager. Two implementations: over Electron IPC (window.mcpTray) and
 * over HTTP + server-sent events (the headless host). Nothing else in the UI knows which it has.
 * Results and events are validated against the contract before they are handed out.
 */
export interface ApiClient {
  readonly transport: 'ipc' | 'http';
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** A failed call, with the contract's error code to branch on and a message to show as is. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ContractErrorCode,
    message: string,
  ) {
    super(message);
  }
}
