/** Small helpers for the headless host's answers: JSON with no caching, plain text, and contract error envelopes. */
import type { ServerResponse } from 'node:http';
import type { ResponseEnvelope } from '../../shared/bridge';
import type { ContractErrorCode } from '../../shared/contract';

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    ...headers,
  });
  response.end(text);
}

/** An API failure as the renderer expects every failure: a ResponseEnvelope with a code and a sentence. */
export function sendErrorEnvelope(response: ServerResponse, status: number, code: ContractErrorCode, message: string, headers: Record<string, string> = {}): void {
  const envelope: ResponseEnvelope = { ok: false, error: { code, message } };
  sendJson(response, status, envelope, headers);
}

export function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    ...headers,
  });
  response.end(text);
}
