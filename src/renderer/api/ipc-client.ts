/**
 * The ApiClient inside Electron: every call and event goes through the preload's `window.mcpTray`
 * bridge (one function per contract method, one subscription per event), and everything that comes
 * back is checked against the contract before the UI sees it.
 */
import type { PreloadBridge } from '../../shared/bridge';
import { messageOf } from '../../shared/error-message';
import { ApiError, type ApiClient } from './api-client';
import { parseEventPayload, resultFromEnvelope } from './contract-validation';

export function createIpcClient(bridge: PreloadBridge, onProblem: (message: string) => void = console.warn): ApiClient {
  return {
    transport: 'ipc',
    async call(method, input) {
      let raw: unknown;
      try {
        raw = await bridge.methods[method](input);
      } catch (error) {
        // The main process answers every call with an envelope; a throw means the bridge itself broke.
        const reason = messageOf(error);
        throw new ApiError('manager_unreachable', `The window lost its connection to MCP Tray (${reason}). Restart MCP Tray.`);
      }
      return resultFromEnvelope(method, raw);
    },
    on(event, listener) {
      return bridge.events[event]((raw) => {
        const parsed = parseEventPayload(event, raw);
        if (parsed.ok) listener(parsed.payload);
        else onProblem(parsed.problem);
      });
    },
  };
}
