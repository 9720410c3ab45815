/**
 * The preload: exposes the contract to the page as `window.mcpTray` (see PreloadBridge in
 * src/shared/bridge.ts). One function per contract method and one subscription per event; the
 * page never gets ipcRenderer, a channel name, or the IPC event object. Runs sandboxed, so it
 * imports only 'electron' at run time.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ResponseEnvelope, PreloadBridge } from '../shared/bridge';
import { messageOf } from '../shared/error-message';
import { EVENT_NAMES, METHOD_NAMES, preloadEventChannel, preloadMethodChannel } from './channel-names';

type Methods = PreloadBridge['methods'];
type Events = PreloadBridge['events'];

function buildMethods(): Methods {
  const methods: Partial<Record<keyof Methods, Methods[keyof Methods]>> = {};
  for (const method of METHOD_NAMES) {
    const channel = preloadMethodChannel(method);
    // The main process answers every call with an envelope and never rejects; this is the last guard.
    methods[method] = (input: unknown) =>
      (ipcRenderer.invoke(channel, input) as Promise<ResponseEnvelope>).catch(
        (error: unknown): ResponseEnvelope => ({
          ok: false,
          error: { code: 'manager_unreachable', message: `MCP Tray's main process did not answer: ${messageOf(error)}` },
        }),
      );
  }
  return Object.freeze(methods) as Methods;
}

function buildEvents(): Events {
  const events: Partial<Record<keyof Events, Events[keyof Events]>> = {};
  for (const event of EVENT_NAMES) {
    const channel = preloadEventChannel(event);
    events[event] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`mcpTray.events['${event}'] needs a listener function.`);
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, forward);
      return () => {
        ipcRenderer.removeListener(channel, forward);
      };
    };
  }
  return Object.freeze(events) as Events;
}

const bridge: PreloadBridge = Object.freeze({
  methods: buildMethods(),
  events: buildEvents(),
  platform: process.platform,
});

contextBridge.exposeInMainWorld('mcpTray', bridge);
