import { spawn } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtServerPath } from '../support/mcp-child';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github';
import { githubEnv } from './fixtures/github-harness';
import { OCTOCAT_TOKEN } from './fixtures/github-data';
import { startHttpServerProcess, type HttpServerProcess } from './fixtures/http-server-process';
import { connectRemote, fetchMetrics, type RemoteClient } from './fixtures/remote-client';

const KEY = 'github-key-4d9a0c7e2b5f8136';
const README = 'github://repos/octocat/hello-world/readme';

let fake: FakeGitHub;
const cleanups: Array<() => Promise<unknown>> = [];
beforeAll(async () => {
  fake = await startFakeGitHub();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  fake.reset();
});
afterAll(() => fake?.close());

async function serve(env: Record<string, string | undefined>): Promise<HttpServerProcess> {
  const server = await startHttpServerProcess('github', githubEnv(fake, env));
  cleanups.push(() => server.stop());
  return server;
}

async function connect(server: HttpServerProcess, key?: string): Promise<RemoteClient> {
  const client = await connectRemote(server.url, key);
  cleanups.push(() => client.close());
  return client;
}

/** Starts the github server with --http and returns how it ended, when it ends on its own. */
async function startFailing(env: Record<string, string | undefined>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [builtServerPath('github'), '--http'], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...githubEnv(fake, env) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    // It started after all: stop it so the test fails on its exit code instead of waiting.
    if (stderr.includes('"msg":"listening"')) child.kill('SIGKILL');
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stderr };
}

describe('the GitHub token is never served over HTTP without authentication by accident', { timeout: 60_000 }, () => {
  it('refuses to start with GITHUB_TOKEN and no authentication, and says what to set', async () => {
    const { code, stderr } = await startFailing({});
    expect(code).toBe(1);
    expect(stderr).toContain('Refusing to serve GITHUB_TOKEN over HTTP without authentication');
    expect(stderr).toContain('MCP_AUTH_TOKENS');
    expect(stderr).toContain('MCP_AUTH=none');
    expect(stderr).not.toContain(OCTOCAT_TOKEN);
  });

  it('refuses an MCP_AUTH value it does not know', async () => {
    const { code, stderr } = await startFailing({ MCP_AUTH: 'off' });
    expect(code).toBe(1);
    expect(stderr).toContain('MCP_AUTH must be "none"');
  });

  it('serves with MCP_AUTH=none, with a key, or with no token to lend', async () => {
    for (const env of [{ MCP_AUTH: 'none' }, { MCP_AUTH_TOKENS: `ci:${KEY}` }, { GITHUB_TOKEN: undefined }]) {
      const server = await serve(env);
      const client = await connect(server, env.MCP_AUTH_TOKENS ? KEY : undefined);
      expect(await client.listToolNames()).toContain('get_me');
    }
  });
});

describe('a resource read or prompt that calls GitHub draws on the caller\'s rate limit', { timeout: 60_000 }, () => {
  it('shares one bucket with tool calls, and lists stay free', async () => {
    const server = await serve({ MCP_AUTH_TOKENS: `ci:${KEY}`, RATE_LIMIT_RPM: '1', RATE_LIMIT_BURST: '3' });
    const client = await connect(server, KEY);

    expect(await client.readResourceText(README)).toContain('Hello World');
    expect(await client.getPromptDescription('summarize-pull-request', { owner: 'octocat', repo: 'hello-world', number: '2' })).toContain('octocat/hello-world#2');
    expect((await client.call('get_me', {})).isError ?? false).toBe(false);

    const readmeRequests = fake.requestsTo('/readme').length;
    await expect(client.readResourceText(README)).rejects.toThrow(/Too many requests from ci: the limit is reached\. Try again in \d+ s\./);
    await expect(client.getPromptDescription('summarize-pull-request', { owner: 'octocat', repo: 'hello-world', number: '2' })).rejects.toThrow(/Too many requests from ci/);
    expect((await client.call('get_me', {})).text).toMatch(/Too many tool calls from ci/);
    // Refused before GitHub is asked.
    expect(fake.requestsTo('/readme')).toHaveLength(readmeRequests);
    expect(await client.listToolNames()).toContain('get_me');

    const metrics = await fetchMetrics(server.url, KEY);
    expect(metrics).toContain('mcp_rate_limit_rejections_total{caller="ci",server="github"} 3');
  });
});
