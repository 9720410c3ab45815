/**
 * Raw HTTP for the headless host's tests: node:http rather than fetch, so a test can send any Host,
 * Origin or Cookie header it likes (a browser or fetch would not let it), and a Server-Sent Events
 * reader that keeps every frame it received.
 */
import { request as httpRequest, type IncomingHttpHeaders, type ClientRequest } from 'node:http';
import { waitFor } from '../../support/chaos';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** One request to `origin + path`; the Host header is the origin's unless `headers.host` says otherwise. */
export function rawRequest(origin: string, path: string, options: RawRequest = {}): Promise<RawResponse> {
  const url = new URL(path, origin);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      // A fresh connection each time: a pooled one may belong to a host that was just closed.
      { host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: options.method ?? 'GET', headers: options.headers ?? {}, agent: false },
      (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/** A JSON POST to a contract method, authorised with the token unless `headers` replaces that. */
export function callMethod(origin: string, token: string, method: string, input: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(origin, `/api/call/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(input),
  });
}

export function tokenOf(url: string): string {
  const token = new URL(url).searchParams.get('token');
  if (!token) throw new Error(`No token in ${url}`);
  return token;
}

interface SseFrame {
  id?: string;
  event?: string;
  data?: string;
  retry?: string;
  /** Comment lines (": heartbeat"), without the colon. */
  comments: string[];
}

export interface SseConnection {
  status: number;
  headers: IncomingHttpHeaders;
  frames: SseFrame[];
  /** Frames with an event name, parsed: { event, id, data }. */
  events(): Array<{ event: string; id: string | undefined; data: unknown }>;
  waitForEvent(description: string, predicate: (event: { event: string; data: unknown }) => boolean, timeoutMs?: number): Promise<{ event: string; id: string | undefined; data: unknown }>;
  ended: Promise<void>;
  close(): void;
}

function parseFrame(text: string): SseFrame {
  const frame: SseFrame = { comments: [] };
  for (const line of text.split('\n')) {
    if (line.startsWith(':')) {
      frame.comments.push(line.slice(1).trim());
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id' || field === 'event' || field === 'retry') frame[field] = value;
    else if (field === 'data') frame.data = frame.data === undefined ? value : `${frame.data}\n${value}`;
  }
  return frame;
}

/** Opens an event stream and collects its frames until closed. Resolves once the response headers are in. */
export function openEventStream(origin: string, headers: Record<string, string>, path = '/api/events'): Promise<SseConnection> {
  const url = new URL(path, origin);
  return new Promise((resolve, reject) => {
    let request: ClientRequest | undefined;
    request = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, headers, agent: false }, (response) => {
      const frames: SseFrame[] = [];
      let buffer = '';
      let endStream: () => void = () => {};
      const ended = new Promise<void>((done) => (endStream = done));
      response.setEncoding('utf8').on('data', (chunk: string) => {
        buffer += chunk;
        let boundary = buffer.indexOf('\n\n');
        while (boundary !== -1) {
          frames.push(parseFrame(buffer.slice(0, boundary)));
          buffer = buffer.slice(boundary + 2);
          boundary = buffer.indexOf('\n\n');
        }
      });
      response.on('end', () => endStream());
      response.on('close', () => endStream());
      response.on('error', () => endStream());
      const events = () =>
        frames
          .filter((frame) => frame.event !== undefined)
          .map((frame) => ({ event: frame.event as string, id: frame.id, data: frame.data === undefined ? undefined : (JSON.parse(frame.data) as unknown) }));
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        frames,
        events,
        waitForEvent: (description, predicate, timeoutMs = 20_000) =>
          waitFor(description, () => events().find((event) => predicate(event)), timeoutMs).catch((error: Error) => {
            throw new Error(`${error.message}\nevents so far: ${JSON.stringify(events()).slice(-2_000)}`);
          }),
        ended,
        close: () => request?.destroy(),
      });
    });
    request.on('error', reject);
    request.end();
  });
}
