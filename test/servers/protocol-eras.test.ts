import { Client as ModernClient, StreamableHTTPClientTransport as ModernHttpTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport as ModernStdioTransport } from '@modelcontextprotocol/client/stdio';
import { Client as LegacyClient } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as LegacyHttpTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtServerPath, runRaw } from '../support/mcp-child';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github';
import { githubEnv } from './fixtures/github-harness';
import { postJsonRpc, startHttpServerProcess, type HttpServerProcess } from './fixtures/http-server-process';
import { startFakeOpenMeteo, weatherEnv, type FakeOpenMeteo } from './fixtures/weather-fake-open-meteo';

const MODERN = '2026-07-28';
const LEGACY_VERSIONS = ['2025-11-25', '2025-06-18', '2025-03-26'] as const;

let openMeteo: FakeOpenMeteo;
let gitHub: FakeGitHub;
const servers = new Map<'weather' | 'github', HttpServerProcess>();

const cases = [
  { id: 'weather', tool: 'get_weather', args: { location: '52.52,13.41' }, env: () => weatherEnv(openMeteo) },
  { id: 'github', tool: 'get_me', args: {}, env: () => githubEnv(gitHub, { MCP_AUTH: 'none' }) },
] as const;

beforeAll(async () => {
  openMeteo = await startFakeOpenMeteo();
  gitHub = await startFakeGitHub();
  for (const { id, env } of cases) servers.set(id, await startHttpServerProcess(id, env()));
});

afterAll(async () => {
  for (const server of servers.values()) await server.stop();
  await openMeteo?.close();
  await gitHub?.close();
});

function initialize(id: number, protocolVersion: string) {
  return { jsonrpc: '2.0', id, method: 'initialize', params: { protocolVersion, capabilities: {}, clientInfo: { name: 'era-test', version: '0' } } };
}

describe.each(cases)('$id server speaks both protocol eras', ({ id, tool, args, env }) => {
  it(`answers a client pinned to ${MODERN} over stdio (server/discover, no initialize)`, async () => {
    const client = new ModernClient({ name: 'era-test', version: '0' }, { versionNegotiation: { mode: { pin: MODERN } } });
    await client.connect(
      new ModernStdioTransport({ command: process.execPath, args: [builtServerPath(id)], env: { PATH: process.env.PATH ?? '', ...env() } }),
    );
    try {
      expect(client.getProtocolEra()).toBe('modern');
      expect((await client.listTools()).tools.map((t) => t.name)).toContain(tool);
      const result = await client.callTool({ name: tool, arguments: args });
      expect(result.isError ?? false).toBe(false);
    } finally {
      await client.close();
    }
  });

  it(`answers a client pinned to ${MODERN} over HTTP, statelessly`, async () => {
    const client = new ModernClient({ name: 'era-test', version: '0' }, { versionNegotiation: { mode: { pin: MODERN } } });
    await client.connect(new ModernHttpTransport(new URL(servers.get(id)!.url)));
    try {
      expect(client.getProtocolEra()).toBe('modern');
      const result = await client.callTool({ name: tool, arguments: args });
      expect(result.isError ?? false).toBe(false);
    } finally {
      await client.close();
    }
  });

  it('answers the 1.x client over HTTP with the 2025 handshake', async () => {
    const client = new LegacyClient({ name: 'era-test', version: '0' });
    await client.connect(new LegacyHttpTransport(new URL(servers.get(id)!.url)));
    try {
      expect(client.getServerVersion()?.version).toBeTruthy();
      const result = await client.callTool({ name: tool, arguments: args });
      expect(result.isError ?? false).toBe(false);
    } finally {
      await client.close();
    }
  });

  it.each(LEGACY_VERSIONS)('accepts the %s initialize handshake over stdio and over HTTP', async (version) => {
    const run = await runRaw(id, env(), [initialize(1, version)], 1);
    expect(JSON.parse(run.stdoutLines[0]!)).toMatchObject({ id: 1, result: { protocolVersion: version } });

    const answer = await postJsonRpc(servers.get(id)!.url, initialize(1, version));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: 1, result: { protocolVersion: version } });
    expect(answer.headers.get('mcp-session-id')).toBeNull();
  });
});
