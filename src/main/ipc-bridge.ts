/**
 * The contract over Electron IPC: one ipcMain handler per contract method, each checking who sent
 * it and answering with a ResponseEnvelope; and every manager event pushed to the window. Input
 * validation is AppCore.call's (the contract's zod schema), so this adds no rules of its own.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { eventChannel, methodChannel } from '../shared/bridge';
import { contract, events, type EventName, type MethodName } from '../shared/contract';
import { toEnvelope, type ContractPort } from '../surfaces/contract-port';
import { isTrustedIpcSender, UNTRUSTED_SENDER_ENVELOPE, type IpcSenderFrame } from './ipc-sender';
import { isRendererUrl, type RendererLocation } from './renderer-location';

const METHOD_NAMES = Object.keys(contract) as MethodName[];
const EVENT_NAMES = Object.keys(events) as EventName[];

function senderFrameOf(event: IpcMainInvokeEvent): IpcSenderFrame | undefined {
  try {
    const frame = event.senderFrame;
    if (!frame) return undefined;
    return { url: frame.url, isTopFrame: frame.parent === null };
  } catch {
    // The frame was destroyed while the message was in flight.
    return undefined;
  }
}

/** Registers every method's handler; returns a function that removes them. */
export function handleContractCalls(manager: ContractPort, location: RendererLocation): () => void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(methodChannel(method), (event, input: unknown) => {
      if (!isTrustedIpcSender(senderFrameOf(event), location)) return UNTRUSTED_SENDER_ENVELOPE;
      return toEnvelope(() => manager.call(method, input));
    });
  }
  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(methodChannel(method));
  };
}

/** Pushes every manager event to the window while it shows our page; returns an unsubscribe. */
export function forwardEvents(manager: ContractPort, currentWindow: () => BrowserWindow | undefined, location: RendererLocation): () => void {
  const unsubscribes = EVENT_NAMES.map((event) =>
    manager.on(event, (payload) => {
      const window = currentWindow();
      if (!window || window.isDestroyed()) return;
      const contents = window.webContents;
      if (contents.isDestroyed() || !isRendererUrl(contents.getURL(), location)) return;
      contents.send(eventChannel(event), payload);
    }),
  );
  return () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
