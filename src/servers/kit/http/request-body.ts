import type { IncomingMessage } from 'node:http';

export type BodyReadResult = { kind: 'ok'; value: unknown } | { kind: 'too_large' } | { kind: 'not_json' } | { kind: 'aborted' };

/** Reads a JSON request body of at most `maxBytes`, stopping as soon as the limit is passed. */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyReadResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return { kind: 'too_large' };
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (size > maxBytes) return { kind: 'too_large' };
      chunks.push(buffer);
    }
  } catch {
    return { kind: 'aborted' };
  }
  try {
    return { kind: 'ok', value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { kind: 'not_json' };
  }
}

/** The JSON-RPC methods a POST body carries (one message or a batch). */
export function methodsOf(body: unknown): string[] {
  const messages = Array.isArray(body) ? body : [body];
  return messages.flatMap((message) =>
    message && typeof message === 'object' && typeof (message as { method?: unknown }).method === 'string'
      ? [(message as { method: string }).method]
      : [],
  );
}
