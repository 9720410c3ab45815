import type { EventName, EventPayload, MethodInput, MethodName, MethodResult } from '../../shared/contract';
import { messageOf } from '../../shared/error-message';
import { ApiError, type ApiClient } from '../api/api-client';

export type ConnectionStatus = { state: 'connected' } | { state: 'lost'; message: string; method: MethodName };

/**
 * Whether the manager is reachable, learned from the calls the UI makes anyway. A thrown
 * non-ApiError or a `manager_unreachable` error (fetch failed, IPC gone, session ended) means the
 * manager is out of reach; any answer at all, even an error such as a locked keychain's
 * `unavailable`, means it is back.
 */
export class ConnectionMonitor {
  private status: ConnectionStatus = { state: 'connected' };
  private lastAnswerAt = 0;
  private readonly listeners = new Set<() => void>();
  readonly client: ApiClient;

  constructor(inner: ApiClient) {
    this.client = {
      transport: inner.transport,
      call: async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> => {
        try {
          const result = await inner.call(method, input);
          this.lastAnswerAt = Date.now();
          this.set({ state: 'connected' });
          return result;
        } catch (error) {
          if (isUnreachable(error)) {
            this.set({ state: 'lost', message: messageOf(error), method });
          } else {
            this.lastAnswerAt = Date.now();
            this.set({ state: 'connected' });
          }
          throw error;
        }
      },
      on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => inner.on(event, listener),
    };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getStatus = (): ConnectionStatus => this.status;

  /**
   * Asks the manager whether it is there when the UI has not heard from it lately (or has lost
   * it), so the banner appears, and goes away, without the user doing anything. Returns the stop function.
   */
  startProbing({ quietMs = 10_000, checkEveryMs = 5_000, lostRetryMs = 3_000 } = {}): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const tick = async () => {
      const lost = this.status.state === 'lost';
      if (lost || (Date.now() - this.lastAnswerAt >= quietMs && document.visibilityState === 'visible')) {
        await this.client.call('settings.get', {}).catch(() => undefined);
      }
      if (!stopped) timer = setTimeout(() => void tick(), this.status.state === 'lost' ? lostRetryMs : checkEveryMs);
    };
    timer = setTimeout(() => void tick(), checkEveryMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }

  private set(next: ConnectionStatus): void {
    if (next.state === this.status.state && (next.state === 'connected' || (this.status.state === 'lost' && this.status.message === next.message))) return;
    this.status = next;
    for (const listener of this.listeners) listener();
  }
}

function isUnreachable(error: unknown): boolean {
  return !(error instanceof ApiError) || error.code === 'manager_unreachable';
}
