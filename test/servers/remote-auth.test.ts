import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJsonRpc, startHttpServerProcess, type HttpServerProcess } from './fixtures/http-server-process';
import { startLocalIssuer, type LocalIssuer } from './fixtures/local-issuer';
import { connectRemote, originOf } from './fixtures/remote-client';
import { startFakeOpenMeteo, weatherEnv, type FakeOpenMeteo } from './fixtures/weather-fake-open-meteo';

// A canary: if any of these shows up in a log line or in /metrics, a token leaked.
const OLD_KEY = 'canary-old-3b8e1f0a7c2d9e54';
const NEW_KEY = 'canary-new-9d4c2a7e1b6f3080';
const AUDIENCE = 'https://weather.example.test/mcp';
const METADATA_URL = 'https://weather.example.test/.well-known/oauth-protected-resource/mcp';

let openMeteo: FakeOpenMeteo;
let issuer: LocalIssuer;
let server: HttpServerProcess;
let folder: string;
let keyFile: string;
const presentedJwts: string[] = [];

beforeAll(async () => {
  openMeteo = await startFakeOpenMeteo();
  issuer = await startLocalIssuer();
  folder = mkdtempSync(join(tmpdir(), 'remote-auth-'));
  keyFile = join(folder, 'keys');
  writeFileSync(keyFile, `ci:${OLD_KEY}\n`);
  server = await startHttpServerProcess(
    'weather',
    weatherEnv(openMeteo, {
      MCP_AUTH_TOKENS_FILE: keyFile,
      MCP_AUTH_ISSUER: issuer.issuer,
      MCP_AUTH_AUDIENCE: AUDIENCE,
      MCP_AUTH_SCOPES: 'weather:read',
      LOG_LEVEL: 'trace',
    }),
  );
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await issuer?.close();
  await openMeteo?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function jwt(claims: Record<string, unknown>, options?: Parameters<LocalIssuer['sign']>[1]): Promise<string> {
  const token = await issuer.sign(claims, options);
  presentedJwts.push(token);
  return token;
}

const LIST = { jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} };

async function refusedWith(token: string | undefined) {
  const { status, headers } = await postJsonRpc(server.url, LIST, token ? { authorization: `Bearer ${token}` } : {});
  return { status, challenge: headers.get('www-authenticate') ?? '' };
}

async function reloadKeys(contents: string): Promise<void> {
  writeFileSync(keyFile, contents);
  const before = server.logLines().filter((line) => line.msg === 'API keys reloaded').length;
  server.child.kill('SIGHUP');
  while (server.logLines().filter((line) => line.msg === 'API keys reloaded').length === before) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the weather server over HTTP with API keys and OAuth', { timeout: 60_000 }, () => {
  it('answers no token and a wrong token with 401 and a challenge pointing at its metadata', async () => {
    for (const token of [undefined, 'not-a-key-and-not-a-jwt', `${OLD_KEY}x`]) {
      const { status, challenge } = await refusedWith(token);
      expect(status).toBe(401);
      expect(challenge).toContain('Bearer error="invalid_token"');
      expect(challenge).toContain(`resource_metadata="${METADATA_URL}"`);
    }
  });

  it('serves the RFC 9728 metadata the challenge points at', async () => {
    for (const path of ['/.well-known/oauth-protected-resource/mcp', '/.well-known/oauth-protected-resource']) {
      const response = await fetch(`${originOf(server.url)}${path}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ resource: AUDIENCE, authorization_servers: [issuer.issuer], scopes_supported: ['weather:read'] });
    }
  });

  it('refuses an expired JWT and one for another audience with 401, and one without the scope with 403', async () => {
    const expired = await jwt({ sub: 'user-1', aud: AUDIENCE, scope: 'weather:read' }, { expiresIn: Math.floor(Date.now() / 1000) - 600 });
    expect(await refusedWith(expired)).toMatchObject({ status: 401, challenge: expect.stringContaining('Token has expired') });
    const elsewhere = await jwt({ sub: 'user-1', aud: 'https://other.example.test/mcp', scope: 'weather:read' });
    expect(await refusedWith(elsewhere)).toMatchObject({ status: 401, challenge: expect.stringContaining('not issued for this resource') });
    const narrow = await jwt({ sub: 'user-1', aud: AUDIENCE, scope: 'profile' });
    const { status, challenge } = await refusedWith(narrow);
    expect(status).toBe(403);
    expect(challenge).toContain('error="insufficient_scope"');
    expect(challenge).toContain('scope="weather:read"');
    expect(challenge).toContain(`resource_metadata="${METADATA_URL}"`);
  });

  it('lets a valid JWT call a tool, with the caller in the log but not in the metrics', async () => {
    const token = await jwt({ sub: 'user-8d2f', aud: AUDIENCE, scope: 'weather:read' });
    const client = await connectRemote(server.url, token);
    try {
      expect((await client.call('get_weather', { location: '52.52,13.41' })).isError ?? false).toBe(false);
    } finally {
      await client.close();
    }
    expect(server.logLines().some((line) => line.msg === 'tool call' && line.caller === 'user-8d2f' && typeof line.correlation_id === 'string')).toBe(true);
    const metrics = await (await fetch(`${originOf(server.url)}/metrics`, { headers: { authorization: `Bearer ${OLD_KEY}` } })).text();
    expect(metrics).toContain('mcp_tool_calls_total{tool="get_weather",outcome="ok",caller="oauth",server="weather"} 1');
    expect(metrics).not.toContain('user-8d2f');
  });

  it('rotates API keys on SIGHUP: old and new together, then only the new one', async () => {
    expect((await refusedWith(NEW_KEY)).status).toBe(401);
    await reloadKeys(`ci:${OLD_KEY}\nci:${NEW_KEY}\n`);
    for (const key of [OLD_KEY, NEW_KEY]) {
      const client = await connectRemote(server.url, key);
      expect((await client.call('get_weather', { location: '52.52,13.41' })).isError ?? false).toBe(false);
      await client.close();
    }
    await reloadKeys(`ci:${NEW_KEY}\n`);
    expect((await refusedWith(OLD_KEY)).status).toBe(401);
    expect((await postJsonRpc(server.url, LIST, { authorization: `Bearer ${NEW_KEY}` })).status).not.toBe(401);
  });

  it('guards /metrics with the same auth', async () => {
    expect((await fetch(`${originOf(server.url)}/metrics`)).status).toBe(401);
  });

  it('writes no presented token into any log line or the metrics', async () => {
    const metrics = await (await fetch(`${originOf(server.url)}/metrics`, { headers: { authorization: `Bearer ${NEW_KEY}` } })).text();
    const logs = server.logLines().map((line) => JSON.stringify(line)).join('\n');
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of [OLD_KEY, NEW_KEY, ...presentedJwts]) {
      expect(logs).not.toContain(secret);
      expect(metrics).not.toContain(secret);
    }
  });
});
