/**
 * `POST /api/call/<method>`: one contract method over HTTP. The body is the method's JSON input; the
 * answer is always a ResponseEnvelope (200 whether the method succeeded or failed, as over IPC),
 * except for requests that never reach a method: unknown method 404, wrong verb 405, body too large
 * 413, not JSON 400/415, each still with an envelope the renderer can read.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isMethodName } from '../../shared/contract';
import { toEnvelope, type ContractPort } from '../contract-port';
import { readJsonBody } from './json-body';
import { sendErrorEnvelope, sendJson } from './responses';

export const API_CALL_PREFIX = '/api/call/';

export async function handleApiCall(request: IncomingMessage, response: ServerResponse, target: ContractPort, methodName: string): Promise<void> {
  if (!isMethodName(methodName)) {
    return sendErrorEnvelope(response, 404, 'not_found', `MCP Tray has no method "${methodName.slice(0, 100)}".`);
  }
  if (request.method !== 'POST') {
    return sendErrorEnvelope(response, 405, 'invalid_input', `Call ${methodName} with POST and its input as a JSON body.`, { Allow: 'POST' });
  }
  const body = await readJsonBody(request);
  if (!body.ok) {
    // The rest of an oversized body is never read: close the connection rather than drain it.
    return sendErrorEnvelope(response, body.status, 'invalid_input', body.message, body.status === 413 ? { Connection: 'close' } : {});
  }
  // AppCore.call validates the input against the contract: a bad one fails with code invalid_input.
  const envelope = await toEnvelope(() => target.call(methodName, body.value));
  // A browser that went away (closed tab, Ctrl+C) no longer wants the answer.
  if (response.destroyed) return;
  sendJson(response, 200, envelope);
}
