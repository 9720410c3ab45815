/**
 * The manager as the Electron shell sees it: AppCore's `call` and `on`. The shell adds one thing:
 * it must notice when app settings change (from the window, the tray or the CLI over the control
 * socket) to apply "start at login" to the OS.
 */
import type { AppSettings, EventName, EventPayload, MethodName, MethodResult } from '../shared/contract';

export interface Manager {
  call<M extends MethodName>(method: M, input: unknown): Promise<MethodResult<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** A Manager that reports every successful settings change to `onSettings` after it is saved. */
export function observeSettings(manager: Manager, onSettings: (settings: AppSettings) => void): Manager {
  return {
    async call<M extends MethodName>(method: M, input: unknown): Promise<MethodResult<M>> {
      const result = await manager.call(method, input);
      if (method === 'settings.update') {
        try {
          onSettings(result as MethodResult<'settings.update'>);
        } catch {
          // Applying a setting to the OS is best effort; the saved value already stands.
        }
      }
      return result;
    },
    on: (event, listener) => manager.on(event, listener),
  };
}
