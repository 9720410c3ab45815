import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { builtServerPath } from '../support/mcp-child';
import { freePort } from './fixtures/free-port';
import { connectRemote, originOf, type RemoteClient } from './fixtures/remote-client';
import { startFakeOpenMeteo, weatherEnv, type FakeOpenMeteo } from './fixtures/weather-fake-open-meteo';

const CLIENTS = 200;
const ROUND_MS = 2_000;
const KEYS = Array.from({ length: 4 }, (_, i) => ({ name: `team-${i}`, key: `load-key-${i}-0c9e4b7a1d2f3e58` }));

let openMeteo: FakeOpenMeteo;
let server: ChildProcess;
let url: string;

beforeAll(async () => {
  openMeteo = await startFakeOpenMeteo();
  const port = await freePort();
  url = `http://127.0.0.1:${port}/mcp`;
  // Logs at warn: a line per call from thousands of calls would measure the log pipe, not the server.
  server = spawn(process.execPath, [builtServerPath('weather'), '--http'], {
    stdio: 'ignore',
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      ...weatherEnv(openMeteo, {
      MCP_AUTH_TOKENS: KEYS.map(({ name, key }) => `${name}:${key}`).join(','),
      // Low enough that some callers hit it: those calls must be refusals, never failures.
      RATE_LIMIT_RPM: '60',
      RATE_LIMIT_BURST: '20',
      LOG_LEVEL: 'warn',
      }),
    },
  });
  while (!(await fetch(`${originOf(url)}/health`).then((response) => response.ok, () => false))) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}, 60_000);

afterAll(async () => {
  server?.kill('SIGKILL');
  await openMeteo?.close();
});

interface Tally {
  ok: number;
  limited: number;
  failed: string[];
}

/** Every client calls get_weather (a cache hit after the first) back to back until the round ends. */
async function round(clients: RemoteClient[], tally: Tally): Promise<void> {
  const deadline = Date.now() + ROUND_MS;
  await Promise.all(
    clients.map(async (client) => {
      while (Date.now() < deadline) {
        try {
          const result = await client.call('get_weather', { location: '52.52,13.41' });
          if (!result.isError) tally.ok += 1;
          else if (/Too many tool calls from team-\d: the limit is reached\. Try again in \d+ s\./.test(result.text)) tally.limited += 1;
          else tally.failed.push(result.text);
        } catch (error) {
          const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
          tally.failed.push([(error as Error).message, cause?.code, cause?.message].filter(Boolean).join(': '));
        }
      }
    }),
  );
}

async function residentBytes(): Promise<number> {
  const metrics = await (await fetch(`${originOf(url)}/metrics`, { headers: { authorization: `Bearer ${KEYS[0]!.key}` } })).text();
  return Number(/^process_resident_memory_bytes\{[^}]*\} (\d+)/m.exec(metrics)?.[1]);
}

describe('the weather server under load', { timeout: 120_000 }, () => {
  it(`serves ${CLIENTS} concurrent clients with no failures but rate limits, and memory stays flat`, async () => {
    const clients = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => connectRemote(url, KEYS[i % KEYS.length]!.key)));
    try {
      const warmUp: Tally = { ok: 0, limited: 0, failed: [] };
      await round(clients, warmUp);
      const afterWarmUp = await residentBytes();
      const measured: Tally = { ok: 0, limited: 0, failed: [] };
      await round(clients, measured);
      await round(clients, measured);
      const atEnd = await residentBytes();

      console.log(`load: ${measured.ok} ok, ${measured.limited} rate-limited, RSS ${Math.round(afterWarmUp / 2 ** 20)} MB -> ${Math.round(atEnd / 2 ** 20)} MB`);
      expect([...warmUp.failed, ...measured.failed]).toEqual([]);
      expect(measured.ok).toBeGreaterThan(0);
      expect(measured.limited).toBeGreaterThan(0);
      // Twice as many calls again as the warm-up: a leak per call would show; the slack is for GC timing.
      expect(atEnd).toBeLessThan(afterWarmUp * 1.5);
    } finally {
      await Promise.all(clients.map((client) => client.close()));
    }
  });
});
