/**
 * The ApiClient of the headless host (`mcp-tray serve`): calls are `POST /api/call/<method>` with
 * the JSON input, answered with a ResponseEnvelope; events come over one shared Server-Sent Events
 * connection (event-stream-client.ts). The browser proves itself with the session cookie the host
 * set when the page was opened with its link, so nothing here handles the token. Everything that
 * comes back is checked against the contract.
 */
import { type MethodInput, type MethodName, type MethodResult } from '../../shared/contract';
import { ApiError, type ApiClient } from './api-client';
import { resultFromEnvelope } from './contract-validation';
import { EventStreamClient, type OpenEventStream } from './event-stream-client';

type Fetch = (url: string, init: { method: string; headers: Record<string, string>; body: string; credentials: 'same-origin' }) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
}>;

interface HttpClientOptions {
  /** Default: the global fetch. */
  fetch?: Fetch;
  /** Default: the global EventSource. */
  openEventStream?: OpenEventStream;
  /** Where ignored events and failed resyncs are reported. Default: console.warn. */
  onProblem?: (message: string) => void;
  reconnectDelayMs?: number;
}

const SESSION_ENDED =
  'This page has lost its access to MCP Tray (it was restarted, or the page was opened without its link). Open the link that `mcp-tray serve` printed.';

function defaultEventStream(): OpenEventStream {
  const EventSourceClass = (globalThis as { EventSource?: new (url: string) => ReturnType<OpenEventStream> }).EventSource;
  if (!EventSourceClass) throw new Error('This browser has no EventSource, which MCP Tray needs for live updates.');
  return (url) => new EventSourceClass(url);
}

export function createHttpClient(baseUrl: string, options: HttpClientOptions = {}): ApiClient {
  const base = baseUrl.replace(/\/+$/, '');
  const fetchFn: Fetch = options.fetch ?? ((url, init) => fetch(url, init));
  const onProblem = options.onProblem ?? ((message: string) => console.warn(message));

  async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
    let response: Awaited<ReturnType<Fetch>>;
    try {
      response = await fetchFn(`${base}/api/call/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError('manager_unreachable', `MCP Tray is not answering at ${base}. Is \`mcp-tray serve\` still running?`);
    }
    if (response.status === 401) throw new ApiError('manager_unreachable', SESSION_ENDED);
    const isJson = (response.headers.get('content-type') ?? '').startsWith('application/json');
    const body: unknown = isJson ? await response.json().catch(() => undefined) : undefined;
    // Every answer from the host, success or not, is an envelope; anything else came from something in between.
    if (body === undefined) throw new ApiError('failed', `MCP Tray answered ${method} with HTTP ${response.status} and no readable body.`);
    return resultFromEnvelope(method, body);
  }

  let events: EventStreamClient | undefined;
  return {
    transport: 'http',
    call,
    on(event, listener) {
      events ??= new EventStreamClient({
        url: `${base}/api/events`,
        open: options.openEventStream ?? defaultEventStream(),
        call,
        onProblem,
        ...(options.reconnectDelayMs !== undefined ? { reconnectDelayMs: options.reconnectDelayMs } : {}),
      });
      return events.subscribe(event, listener);
    },
  };
}
