/**
 * Who may call the contract over IPC: only the top frame of our own renderer page. A frame that
 * navigated elsewhere, an iframe, or a stray webContents gets nothing, whatever it sends, but the
 * refusal below (an envelope like every IPC answer, see surfaces/contract-port.ts).
 */
import type { FailureEnvelope } from '../surfaces/contract-port';
import { isRendererUrl, type RendererLocation } from './renderer-location';

export const UNTRUSTED_SENDER_ENVELOPE: FailureEnvelope = {
  ok: false,
  error: { code: 'failed', message: 'Refused: this call did not come from the MCP Tray window.' },
};

export interface IpcSenderFrame {
  /** The URL of the frame that sent the message, as Electron reports it. */
  url: string;
  /** True for the window's top frame; false for any iframe. */
  isTopFrame: boolean;
}

/** `frame` is undefined when the sending frame is already gone (navigated away or destroyed). */
export function isTrustedIpcSender(frame: IpcSenderFrame | undefined, location: RendererLocation): boolean {
  return frame !== undefined && frame.isTopFrame && isRendererUrl(frame.url, location);
}
