import { Client as ModernClient, StreamableHTTPClientTransport as ModernHttpTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initializeMessages, runRaw } from '../support/mcp-child';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github';
import { githubEnv } from './fixtures/github-harness';
import { postJsonRpc, startHttpServerProcess, type HttpServerProcess } from './fixtures/http-server-process';
import { startFakeOpenMeteo, weatherEnv, type FakeOpenMeteo } from './fixtures/weather-fake-open-meteo';

let openMeteo: FakeOpenMeteo;
let gitHub: FakeGitHub;
let weather: HttpServerProcess;
let github: HttpServerProcess;

beforeAll(async () => {
  openMeteo = await startFakeOpenMeteo();
  gitHub = await startFakeGitHub();
  weather = await startHttpServerProcess('weather', weatherEnv(openMeteo));
  github = await startHttpServerProcess('github', githubEnv(gitHub, { MCP_AUTH: 'none' }));
});

afterAll(async () => {
  await weather?.stop();
  await github?.stop();
  await openMeteo?.close();
  await gitHub?.close();
});

async function modernClient(url: string): Promise<ModernClient> {
  const client = new ModernClient({ name: 'errors-test', version: '0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
  await client.connect(new ModernHttpTransport(new URL(url)));
  return client;
}

async function rejectionOf(promise: Promise<unknown>): Promise<{ code?: number; message: string; data?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: number; message: string; data?: unknown };
  }
  throw new Error('expected a rejection');
}

function timesSaid(text: string, phrase: string): number {
  return text.split(phrase).length - 1;
}

// JSON-RPC 2.0 section 5.1: "Invalid JSON was received by the server" is -32700, with id null.
describe('malformed JSON', () => {
  it('is answered -32700 over HTTP', async () => {
    const answer = await postJsonRpc(weather.url, '{"jsonrpc": "2.0", "id": 1, "method": ');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32700 } });
  });

  it('is answered -32700 over stdio, and the connection goes on serving', async () => {
    const run = await runRaw(
      'weather',
      weatherEnv(openMeteo),
      [...initializeMessages, '{"jsonrpc": "2.0", "id": 2, "method": ', { jsonrpc: '2.0', id: 3, method: 'tools/list' }],
      3,
    );
    const answers = run.stdoutLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(answers).toContainEqual(expect.objectContaining({ id: null, error: expect.objectContaining({ code: -32700 }) }));
    expect(answers.find((answer) => answer.id === 3)).toMatchObject({ result: { tools: expect.any(Array) } });
  });
});

// Spec 2025-11-25 server/tools, "Error Handling": an unknown tool is a protocol error, not a tool result.
describe('a call to an unknown tool', () => {
  it('is a -32602 protocol error that says "MCP error" at most once', async () => {
    const client = await modernClient(weather.url);
    try {
      const error = await rejectionOf(client.callTool({ name: 'no_such_tool', arguments: {} }));
      expect(error.code).toBe(-32602);
      expect(error.message).toContain('no_such_tool');
      expect(timesSaid(error.message, 'MCP error')).toBeLessThanOrEqual(1);
    } finally {
      await client.close();
    }
  });
});

// Spec 2025-11-25 server/resources, "Error Handling": resource not found is -32602 with the URI in data.
describe('a resource that does not exist', () => {
  it('is -32602 with data.uri on the weather server', async () => {
    const client = await modernClient(weather.url);
    try {
      const error = await rejectionOf(client.readResource({ uri: 'weather://no-such-table' }));
      expect(error.code).toBe(-32602);
      expect(error.data).toMatchObject({ uri: 'weather://no-such-table' });
      expect(timesSaid(error.message, 'MCP error')).toBeLessThanOrEqual(1);
    } finally {
      await client.close();
    }
  });

  it('is -32602 with data.uri for the README of a repository GitHub does not know', async () => {
    const client = await modernClient(github.url);
    try {
      const uri = 'github://repos/octocat/nope/readme';
      const error = await rejectionOf(client.readResource({ uri }));
      expect(error.code).toBe(-32602);
      expect(error.data).toMatchObject({ uri });
      expect(error.message).toContain('The README of octocat/nope was not found');
      expect(timesSaid(error.message, 'MCP error')).toBeLessThanOrEqual(1);
    } finally {
      await client.close();
    }
  });
});
