import { LATEST_PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS, type Implementation, type ServerCapabilities } from '@modelcontextprotocol/sdk/types.js';
import { isRecord } from './json-rpc-lines';

/**
 * The two eras of MCP a session may speak. Up to 2025-11-25 a client opens with `initialize` and
 * the session remembers what it said. From 2026-07-28 there is no handshake: every request carries
 * its protocol version, client info and capabilities in reserved `_meta` keys (MCP 2026-07-28,
 * Basic > Overview > "_meta", SEP-2575), and `server/discover` tells a client what the server
 * supports (MCP 2026-07-28, Server > Discovery).
 */
export const MODERN_PROTOCOL_VERSION = '2026-07-28';

const PROTOCOL_VERSION_KEY = 'io.modelcontextprotocol/protocolVersion';
const CLIENT_INFO_KEY = 'io.modelcontextprotocol/clientInfo';
const CLIENT_CAPABILITIES_KEY = 'io.modelcontextprotocol/clientCapabilities';
const LOG_LEVEL_KEY = 'io.modelcontextprotocol/logLevel';
const SERVER_INFO_KEY = 'io.modelcontextprotocol/serverInfo';
/** What a 2026-07-28 request says of its client; the manager's own server connection speaks 2025, so these go no further. */
const ENVELOPE_KEYS = [PROTOCOL_VERSION_KEY, CLIENT_INFO_KEY, CLIENT_CAPABILITIES_KEY, LOG_LEVEL_KEY];

/** Results a 2026-07-28 client may cache, which must say for how long (MCP 2026-07-28, Server > Utilities > Caching). */
const CACHEABLE_METHODS = new Set(['server/discover', 'tools/list', 'prompts/list', 'resources/list', 'resources/templates/list', 'resources/read']);

export interface RequestEnvelope {
  protocolVersion: string;
  clientInfo: Implementation | undefined;
  clientCapabilities: Record<string, unknown>;
}

/** The 2026-07-28 envelope of a request, undefined for a request of the 2025 era. */
export function envelopeOf(params: Record<string, unknown> | undefined): RequestEnvelope | undefined {
  const meta = params?._meta;
  if (!isRecord(meta) || typeof meta[PROTOCOL_VERSION_KEY] !== 'string') return undefined;
  const info = meta[CLIENT_INFO_KEY];
  const capabilities = meta[CLIENT_CAPABILITIES_KEY];
  return {
    protocolVersion: meta[PROTOCOL_VERSION_KEY],
    clientInfo: isRecord(info) && typeof info.name === 'string' && typeof info.version === 'string' ? { name: info.name, version: info.version } : undefined,
    clientCapabilities: isRecord(capabilities) ? capabilities : {},
  };
}

/** The params as the 2025-era server takes them: the envelope's keys dropped, the rest of _meta kept. */
export function withoutEnvelope(params: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const meta = params?._meta;
  if (!params || !isRecord(meta)) return params;
  const kept = Object.fromEntries(Object.entries(meta).filter(([key]) => !ENVELOPE_KEYS.includes(key)));
  const { _meta: _dropped, ...rest } = params;
  return Object.keys(kept).length > 0 ? { ...rest, _meta: kept } : rest;
}

/** The version a 2025-era initialize gets: the client's own when it is one the manager speaks, else the latest. */
export function negotiatedLegacyVersion(requested: unknown): string {
  return typeof requested === 'string' && SUPPORTED_PROTOCOL_VERSIONS.includes(requested) ? requested : LATEST_PROTOCOL_VERSION;
}

/** The `server/discover` answer (MCP 2026-07-28, Server > Discovery): versions, capabilities, instructions; identity in _meta. */
export function discoverResult(capabilities: ServerCapabilities, instructions: string | undefined): Record<string, unknown> {
  return {
    supportedVersions: [MODERN_PROTOCOL_VERSION],
    capabilities,
    ...(instructions !== undefined ? { instructions } : {}),
  };
}

/**
 * A result as a 2026-07-28 client reads it: `resultType` "complete", cache hints where the method is
 * cacheable (never shared: what a client sees depends on its tool switches), and the server's
 * identity in `_meta` (MCP 2026-07-28, Basic > Overview > "Result metadata").
 */
export function modernResult(method: string, result: Record<string, unknown>, serverInfo: Implementation | undefined): Record<string, unknown> {
  const meta = isRecord(result._meta) ? result._meta : {};
  return {
    ...result,
    resultType: 'complete',
    ...(CACHEABLE_METHODS.has(method) ? { ttlMs: 0, cacheScope: 'private' } : {}),
    ...(serverInfo ? { _meta: { ...meta, [SERVER_INFO_KEY]: serverInfo } } : {}),
  };
}

/** The server's capabilities as a bridged client is told them: without tasks, which a shared process does not offer. */
export function bridgedCapabilities(capabilities: ServerCapabilities): ServerCapabilities {
  const { tasks: _tasks, ...rest } = capabilities;
  return rest;
}
