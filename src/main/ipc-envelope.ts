/**
 * Every IPC answer is a ResponseEnvelope (see surfaces/contract-port.ts): the renderer never sees an
 * exception cross the boundary, only `{ ok: true, result }` or `{ ok: false, error: { code, message } }`.
 */
import type { FailureEnvelope } from '../surfaces/contract-port';

export const UNTRUSTED_SENDER_ENVELOPE: FailureEnvelope = {
  ok: false,
  error: { code: 'failed', message: 'Refused: this call did not come from the MCP Tray window.' },
};
