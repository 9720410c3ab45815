/**
 * The one thing the Electron shell adds to the manager's port: it must notice when app settings
 * change (from the window, the tray or the CLI over the control socket) to apply "start at login"
 * to the OS.
 */
import type { AppSettings, MethodName, MethodResult } from '../shared/contract';
import type { ContractPort } from '../surfaces/contract-port';

/** A port that reports every successful settings change to `onSettings` after it is saved. */
export function observeSettings(manager: ContractPort, onSettings: (settings: AppSettings) => void): ContractPort {
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
