/** Reads a request's JSON body, refusing what is too large or not JSON before it reaches the contract. */
import type { IncomingMessage } from 'node:http';

/** Far above any contract input (a custom server's settings, a tool's arguments), far below what could hurt. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

type JsonBody =
  | { ok: true; value: unknown }
  | { ok: false; status: 400 | 413 | 415; message: string };

function isJsonContentType(header: string | undefined): boolean {
  // A page on another origin cannot send application/json without a CORS preflight, which this host never grants.
  return header !== undefined && /^application\/json\s*(;|$)/i.test(header.trim());
}

function tooLarge(limitBytes: number): JsonBody {
  return { ok: false, status: 413, message: `The request body is larger than ${limitBytes} bytes.` };
}

export async function readJsonBody(request: IncomingMessage, limitBytes = MAX_JSON_BODY_BYTES): Promise<JsonBody> {
  if (!isJsonContentType(request.headers['content-type'])) {
    return { ok: false, status: 415, message: 'Send the input as JSON, with "Content-Type: application/json".' };
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limitBytes) return tooLarge(limitBytes);

  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received > limitBytes) return tooLarge(limitBytes);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  // An empty body means "no input", which the contract reads as {}.
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, message: 'The request body is not valid JSON.' };
  }
}
