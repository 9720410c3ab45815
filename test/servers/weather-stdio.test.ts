import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtServerPath, initializeMessages, runRaw } from '../support/mcp-child';
import { startFakeOpenMeteo, weatherEnv, type FakeOpenMeteo } from './fixtures/weather-fake-open-meteo';

let upstream: FakeOpenMeteo;

beforeAll(async () => {
  upstream = await startFakeOpenMeteo();
});
afterAll(async () => {
  await upstream?.close();
});

describe('stdout carries JSON-RPC only', () => {
  it('writes nothing but JSON-RPC 2.0 messages, for answers, tool errors and protocol errors alike', async () => {
    const call = (id: number, name: string, args: object) => ({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } });
    const messages = [
      ...initializeMessages,
      { jsonrpc: '2.0', id: 2, method: 'tools/list' },
      call(3, 'get_weather', { location: 'Paris' }),
      call(4, 'get_forecast', { location: 'Berlin', days: 2, units: 'fahrenheit' }),
      call(5, 'get_weather', { location: 'Atlantis' }),
      call(6, 'get_weather', { location: 'Paris', units: 'kelvin' }),
      call(7, 'no_such_tool', {}),
      { jsonrpc: '2.0', id: 8, method: 'resources/read', params: { uri: 'weather://wmo-codes' } },
      { jsonrpc: '2.0', id: 9, method: 'prompts/get', params: { name: 'weather-briefing', arguments: { location: 'Oslo' } } },
      { jsonrpc: '2.0', id: 10, method: 'no/such/method' },
    ];

    const run = await runRaw('weather', weatherEnv(upstream), messages, 10);

    expect(run.stdoutLines.length).toBeGreaterThanOrEqual(10);
    const parsed = run.stdoutLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const message of parsed) {
      expect(message.jsonrpc).toBe('2.0');
      const isResponse = 'id' in message && ('result' in message || 'error' in message);
      const isNotification = !('id' in message) && typeof message.method === 'string';
      expect(isResponse || isNotification, JSON.stringify(message)).toBe(true);
    }
    const byId = new Map(parsed.map((message) => [message.id, message]));
    expect(byId.get(3)).toMatchObject({ result: { structuredContent: { place: { name: 'Paris' } } } });
    expect(byId.get(4)).toMatchObject({ result: { structuredContent: { units: 'fahrenheit' } } });
    expect(byId.get(5)).toMatchObject({ result: { isError: true } });
    expect(byId.get(6)).toMatchObject({ result: { isError: true } });
    // An unknown tool is a protocol error, not a tool result (spec 2025-11-25, server/tools, "Error Handling").
    expect(byId.get(7)).toMatchObject({ error: { code: -32602 } });
    expect(byId.get(10)).toMatchObject({ error: { code: -32601 } });
    expect(run.exitCode).toBe(0);

    // Logs went to stderr, one JSON object per line.
    const logLines = run.stderr.split('\n').filter((line) => line.length > 0);
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) expect(JSON.parse(line)).toMatchObject({ name: 'weather' });
    expect(run.stderr).toContain('"tool":"get_weather"');
  });
});

describe('start-up', () => {
  it.each([
    ['WEATHER_TIMEOUT_MS', 'soon', 'WEATHER_TIMEOUT_MS must be a number from'],
    ['WEATHER_RATE_LIMIT_BURST', '0', 'WEATHER_RATE_LIMIT_BURST must be a number from 1 to'],
    ['GEOCODING_API_URL', 'ftp://example.org', 'GEOCODING_API_URL must be an http(s) URL'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'],
  ])('exits with code 1 and one clear line on stderr when %s is %j', async (name, value, message) => {
    const child = spawn(process.execPath, [builtServerPath('weather')], {
      env: { PATH: process.env.PATH ?? '', [name]: value },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exitCode = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    expect(exitCode).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.split('\n').filter((line) => line.length > 0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Weather server could not start: /);
    expect(lines[0]).toContain(message);
  });
});
