/**
 * Every IPC answer is a ResponseEnvelope: the renderer never sees an exception cross the boundary,
 * only `{ ok: true, result }` or `{ ok: false, error: { code, message } }`.
 */
import { ContractError } from '../shared/contract';
import type { ResponseEnvelope } from '../shared/bridge';

export type FailureEnvelope = Extract<ResponseEnvelope, { ok: false }>;

export function errorEnvelope(error: unknown): FailureEnvelope {
  if (error instanceof ContractError) return { ok: false, error: { code: error.code, message: error.message } };
  const message = error instanceof Error && error.message !== '' ? error.message : 'Something went wrong in MCP Tray.';
  return { ok: false, error: { code: 'failed', message } };
}

/** Runs `work` and wraps what it returns or throws; never rejects. */
export async function toEnvelope(work: () => Promise<unknown>): Promise<ResponseEnvelope> {
  try {
    return { ok: true, result: await work() };
  } catch (error) {
    return errorEnvelope(error);
  }
}

export const UNTRUSTED_SENDER_ENVELOPE: FailureEnvelope = {
  ok: false,
  error: { code: 'failed', message: 'Refused: this call did not come from the MCP Tray window.' },
};
