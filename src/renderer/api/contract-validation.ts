/**
 * What both transports do with what arrives from the manager: unwrap the ResponseEnvelope, check
 * the result (or event payload) against the contract, and turn every failure into an ApiError with
 * a code to branch on and a sentence to show.
 */
import { ResponseEnvelopeSchema } from '../../shared/bridge';
import { contract, describeValidationError, events, type EventName, type EventPayload, type MethodName, type MethodResult } from '../../shared/contract';
import { ApiError } from './api-client';

/** The method's result from an envelope, or an ApiError: the manager's own, or one saying the answer made no sense. */
export function resultFromEnvelope<M extends MethodName>(method: M, raw: unknown): MethodResult<M> {
  const envelope = ResponseEnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    throw new ApiError('failed', `MCP Tray sent an answer to ${method} that the window cannot read (${describeValidationError(envelope.error)}).`);
  }
  if (!envelope.data.ok) throw new ApiError(envelope.data.error.code, envelope.data.error.message);
  const result = contract[method].output.safeParse(envelope.data.result);
  if (!result.success) {
    throw new ApiError('failed', `MCP Tray answered ${method} with data the window does not expect (${describeValidationError(result.error)}). Is the window older than the app?`);
  }
  return result.data as MethodResult<M>;
}

type ParsedEvent<E extends EventName> = { ok: true; payload: EventPayload<E> } | { ok: false; problem: string };

export function parseEventPayload<E extends EventName>(event: E, raw: unknown): ParsedEvent<E> {
  const parsed = events[event].safeParse(raw);
  if (!parsed.success) return { ok: false, problem: `Ignored a ${event} event that does not match the contract: ${describeValidationError(parsed.error)}` };
  return { ok: true, payload: parsed.data as EventPayload<E> };
}
