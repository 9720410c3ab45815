import { ErrorCode, type Result } from '@modelcontextprotocol/sdk/types.js';
import type { PersonAnsweredMethod } from '../../shared/server-requests-contract';
import { clientAnswerError } from '../bridge/bridge-errors';

/** MCP 2025-11-25, Client > Sampling > Error Handling: "User rejected sampling request" is code -1. */
const USER_REJECTED = -1;

/**
 * What the server gets when the person says no: sampling an error with the spec's code for a
 * rejection, elicitation an explicit "decline" (MCP 2025-11-25, Client > Elicitation > Response
 * Actions). Thrown errors carry the code without McpError's prefix, which the server's SDK adds itself.
 */
export function rejectedAnswer(method: PersonAnsweredMethod, reason: string): Result {
  if (method === 'elicitation/create') return { action: 'decline' };
  throw clientAnswerError({ code: USER_REJECTED, message: reason === '' ? 'User rejected sampling request' : `User rejected sampling request: ${reason}` });
}

/**
 * What the server gets when nobody answered in time: sampling a timeout error, elicitation
 * "cancel", the spec's answer for a dialog dismissed without an explicit choice (MCP 2025-11-25,
 * Client > Elicitation > Response Actions), rather than an error the server could not tell apart
 * from a broken client.
 */
export function timedOutAnswer(method: PersonAnsweredMethod, timeoutMs: number): Result {
  if (method === 'elicitation/create') return { action: 'cancel' };
  throw clientAnswerError({ code: ErrorCode.RequestTimeout, message: `Nobody answered the sampling request in MCP Tray within ${Math.round(timeoutMs / 1000)} s.` });
}
