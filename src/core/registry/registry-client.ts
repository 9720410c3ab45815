/**
 * Reads the MCP Registry's API v0.1: `GET /v0.1/servers` (search by name substring, cursor paging,
 * `version=latest`) and `GET /v0.1/servers/{serverName}/versions/{version}`, as the registry's
 * OpenAPI (docs/reference/api/openapi.yaml) describes them. Every answer is checked with zod.
 */
import { ContractError, describeValidationError } from '../../shared/contract';
import { reasonOf } from '../../shared/error-message';
import { ServerListSchema, ServerResponseSchema, type ServerResponse } from './server-json';

export const DEFAULT_REGISTRY_URL = 'https://registry.modelcontextprotocol.io';
const DEFAULT_TIMEOUT_MS = 10_000;
/** Far above any page the registry sends; stops a broken or hostile server filling memory. */
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/** The registry could not be asked (no network, a timeout, a server error): a cached answer may stand in. */
export class RegistryUnreachableError extends Error {
  override readonly name = 'RegistryUnreachableError';
}

export interface RegistryPage {
  servers: ServerResponse[];
  /** Entries on the page that do not match the server.json schema, left out. */
  skipped: number;
  nextCursor: string | null;
}

export interface RegistryClientOptions {
  baseUrl: string;
  timeoutMs?: number;
  /** The largest answer read; a larger one is refused as soon as it is seen to be larger. */
  maxAnswerBytes?: number;
}

export class RegistryClient {
  readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly maxAnswerBytes: number;

  constructor(options: RegistryClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxAnswerBytes = options.maxAnswerBytes ?? MAX_ANSWER_BYTES;
  }

  async search(params: { text: string; cursor?: string; limit?: number }): Promise<RegistryPage> {
    const url = new URL(`${this.baseUrl}/v0.1/servers`);
    if (params.text !== '') url.searchParams.set('search', params.text);
    if (params.cursor !== undefined) url.searchParams.set('cursor', params.cursor);
    if (params.limit !== undefined) url.searchParams.set('limit', String(params.limit));
    url.searchParams.set('version', 'latest');
    const parsed = ServerListSchema.safeParse(await this.getJson(url));
    if (!parsed.success) throw this.notUnderstood(describeValidationError(parsed.error));
    const servers: ServerResponse[] = [];
    let skipped = 0;
    for (const item of parsed.data.servers) {
      const entry = ServerResponseSchema.safeParse(item);
      if (entry.success) servers.push(entry.data);
      else skipped += 1;
    }
    const nextCursor = parsed.data.metadata?.nextCursor;
    return { servers, skipped, nextCursor: nextCursor ? nextCursor : null };
  }

  /** One server's entry; `latest` unless a version is named. */
  async get(name: string, version = 'latest'): Promise<ServerResponse> {
    const url = new URL(`${this.baseUrl}/v0.1/servers/${encodeURIComponent(name)}/versions/${encodeURIComponent(version)}`);
    const body = await this.getJson(url, () => {
      throw new ContractError('not_found', version === 'latest' ? `The MCP Registry has no server named "${name}". Check the name with "mcp-tray registry search".` : `The MCP Registry has no version ${version} of "${name}".`);
    });
    const parsed = ServerResponseSchema.safeParse(body);
    if (!parsed.success) throw this.notUnderstood(describeValidationError(parsed.error));
    return parsed.data;
  }

  private async getJson(url: URL, onNotFound?: () => never): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(this.timeoutMs), redirect: 'follow' });
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      const why = timedOut ? `it did not answer within ${Math.round(this.timeoutMs / 1000)} s` : reasonOf(error instanceof Error && error.cause instanceof Error ? error.cause : error);
      throw new RegistryUnreachableError(`The MCP Registry at ${this.baseUrl} could not be reached (${why}).`);
    }
    if (response.status === 404 && onNotFound) onNotFound();
    if (response.status >= 500) throw new RegistryUnreachableError(`The MCP Registry at ${this.baseUrl} failed to answer (HTTP ${response.status}).`);
    const text = await this.readLimited(response);
    if (!response.ok) {
      throw new ContractError('failed', `The MCP Registry at ${this.baseUrl} refused the request (HTTP ${response.status}${errorTextOf(text)}). Check MCP_TRAY_REGISTRY_URL.`);
    }
    try {
      return JSON.parse(text);
    } catch {
      throw this.notUnderstood('the answer is not JSON');
    }
  }

  /** The body as text, refused by its content-length or as soon as more than the limit has arrived. */
  private async readLimited(response: Response): Promise<string> {
    const tooLarge = () => this.notUnderstood(`the answer is larger than ${formatBytes(this.maxAnswerBytes)}`);
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(declared) && declared > this.maxAnswerBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge();
    }
    if (!response.body) return '';
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > this.maxAnswerBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  private notUnderstood(reason: string): ContractError {
    return new ContractError('failed', `The MCP Registry at ${this.baseUrl} sent an answer MCP Tray does not understand (${reason}). Check MCP_TRAY_REGISTRY_URL points at an MCP Registry.`);
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes} bytes`;
}

function errorTextOf(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && 'error' in parsed && typeof parsed.error === 'string') return `: ${parsed.error.slice(0, 200)}`;
  } catch {
    // Not JSON: the status alone says enough.
  }
  return '';
}
