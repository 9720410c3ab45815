/**
 * The one port every surface drives the manager through (Electron IPC, the tray, the control socket,
 * the HTTP host, the CLI), and the one rule for how a failure crosses to the other side. AppCore
 * implements the port; an adapter passes on the input it received without checking it, since `call`
 * validates it against the contract (the control socket only gives a tool call that has no call id one
 * of its own, to cancel it when the connection closes). A failure leaves as `{ code, message }`, never as an exception or a stack.
 */
import type { ResponseEnvelope } from '../shared/bridge';
import { ContractError, type ContractErrorCode, type EventName, type EventPayload, type MethodName, type MethodResult } from '../shared/contract';

export interface ContractPort {
  /** Checks `input` against the method's schema (a ContractError "invalid_input" otherwise), then runs the method. */
  call<M extends MethodName>(method: M, input: unknown): Promise<MethodResult<M>>;
  /** Listens to one contract event; returns the function that stops listening. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

interface WireError {
  code: ContractErrorCode;
  message: string;
}

export type FailureEnvelope = Extract<ResponseEnvelope, { ok: false }>;

/** A contract error keeps its code and message; anything else becomes "failed" with its message. */
export function toWireError(error: unknown): WireError {
  if (error instanceof ContractError) return { code: error.code, message: error.message };
  const message = error instanceof Error && error.message !== '' ? error.message : 'Something went wrong in MCP Tray.';
  return { code: 'failed', message };
}

export function errorEnvelope(error: unknown): FailureEnvelope {
  return { ok: false, error: toWireError(error) };
}

/** Runs `work` and wraps what it returns or throws; never rejects. */
export async function toEnvelope(work: () => Promise<unknown>): Promise<ResponseEnvelope> {
  try {
    return { ok: true, result: await work() };
  } catch (error) {
    return errorEnvelope(error);
  }
}
