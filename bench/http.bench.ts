// npm run bench:http: the weather server over Streamable HTTP against a bare SDK v2 HTTP server answering
// the same payload (cache-hit throughput, p50, p99), and stdio cold start of both bundled servers against
// the reference @modelcontextprotocol/server-github, all measured in this one run (the machine is shared).
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ListToolsResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHttpServerProcess, type HttpServerProcess } from '../test/servers/fixtures/http-server-process';
import { startFakeOpenMeteo } from '../test/servers/fixtures/weather-fake-open-meteo';
import { postGetWeather } from './support/get-weather-over-http';
import { measureLimiterCost } from './support/limiter-cost';
import { fmt, median, percentile, verdict } from './support/stats';

const root = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const COLD_RUNS = Number(process.env.BENCH_RUNS ?? 10);

interface LoadResult {
  requestsPerSecond: number;
  latenciesMs: number[];
  failures: number;
}

/** One cache-hit call; a refused or failed call (an isError result, e.g. a rate limit) is a failure, never a sample. */
async function callOnce(url: string): Promise<unknown> {
  const { ok, status, text } = await postGetWeather(url);
  if (!ok) throw new Error(`HTTP ${status}: ${text.slice(0, 200)}`);
  const json = text.trimStart().startsWith('{') ? text : (/^data: (.*)$/m.exec(text)?.[1] ?? '');
  const { result } = JSON.parse(json) as { result?: { isError?: boolean } };
  if (!result || result.isError) throw new Error(`The call failed: ${json.slice(0, 200)}`);
  return result;
}

/** CONCURRENCY clients calling back to back for SECONDS. */
async function load(url: string): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  let failures = 0;
  const endAt = performance.now() + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < endAt) {
      const startedAt = performance.now();
      try {
        await callOnce(url);
        latenciesMs.push(performance.now() - startedAt);
      } catch {
        failures += 1;
      }
    }
  };
  const startedAt = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { requestsPerSecond: latenciesMs.length / ((performance.now() - startedAt) / 1000), latenciesMs, failures };
}

async function throughput(): Promise<void> {
  const upstream = await startFakeOpenMeteo();
  // Production mode with its in-memory per-caller limit, set high enough never to refuse: this measures cache
  // hits, and bench:limiter measures the limiter. With the default limit most calls would be refusals.
  const weather = await startHttpServerProcess('weather', {
    WEATHER_API_URL: upstream.url,
    GEOCODING_API_URL: upstream.url,
    RATE_LIMIT_RPM: '1000000',
    RATE_LIMIT_BURST: '1000000',
  });
  const payload = await callOnce(weather.url); // also fills the cache: every later call is a cache hit
  const folder = await mkdtemp(join(tmpdir(), 'bench-http-'));
  const payloadFile = join(folder, 'payload.json');
  await writeFile(payloadFile, JSON.stringify(payload));
  const bare = await startBareServer(payloadFile);
  try {
    const results = { weather: [] as LoadResult[], bare: [] as LoadResult[] };
    await load(bare.url); // warm both JITs before anything counts
    await load(weather.url);
    for (let round = 0; round < ROUNDS; round++) {
      results.bare.push(await load(bare.url));
      results.weather.push(await load(weather.url));
    }
    const summary = (name: keyof typeof results) => {
      const latencies = results[name].flatMap((result) => result.latenciesMs);
      return {
        rps: median(results[name].map((result) => result.requestsPerSecond)),
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        failures: results[name].reduce((sum, result) => sum + result.failures, 0),
      };
    };
    const base = summary('bare');
    const ours = summary('weather');
    console.log(`get_weather cache hit over HTTP, ${CONCURRENCY} clients, ${ROUNDS} rounds of ${SECONDS} s (budget: >= 0.8x throughput, p99 <= 1.3x)`);
    for (const [name, value] of [['bare SDK v2', base], ['weather', ours]] as const) {
      console.log(`  ${name.padEnd(12)} ${fmt(value.rps, 0).padStart(6)} req/s  p50 ${fmt(value.p50, 1)} ms  p99 ${fmt(value.p99, 1)} ms  failures ${value.failures}`);
    }
    const throughputRatio = ours.rps / base.rps;
    const p99Ratio = ours.p99 / base.p99;
    console.log(`  throughput ratio ${fmt(throughputRatio)}x  ${throughputRatio >= 0.8 ? 'within budget' : 'OVER BUDGET'}`);
    console.log(`  p99 ratio        ${fmt(p99Ratio)}x  ${verdict(p99Ratio, 1.3)}`);
  } finally {
    await weather.stop();
    bare.child.kill('SIGTERM');
    await bare.exited;
    await upstream.close();
    await rm(folder, { recursive: true, force: true });
  }
}

function startBareServer(payloadFile: string): Promise<HttpServerProcess> {
  return startHttpServerProcess('bench-minimal-http', { BENCH_PAYLOAD_FILE: payloadFile });
}

/**
 * Spawn to tools/list answered, in milliseconds, with the 1.x client every server here accepts. The list is
 * requested directly, not through listTools(), which then compiles a validator for every output schema in
 * the client: client work that would grow with each tool a server describes, and not the server's start.
 */
async function coldStart(args: string[], env: Record<string, string>): Promise<number> {
  const startedAt = performance.now();
  const client = new Client({ name: 'bench', version: '0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args, env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env }, stderr: 'ignore' }));
  await client.request({ method: 'tools/list', params: {} }, ListToolsResultSchema);
  const elapsed = performance.now() - startedAt;
  await client.close();
  return elapsed;
}

async function coldStarts(): Promise<void> {
  const reference = createRequire(import.meta.url).resolve('@modelcontextprotocol/server-github/dist/index.js');
  const upstream = await startFakeOpenMeteo();
  const servers = {
    reference: { args: [reference], env: { GITHUB_PERSONAL_ACCESS_TOKEN: 'unused' } },
    'bare SDK v2': { args: [`${root}out/servers/bench-minimal-stdio.js`], env: {} },
    weather: { args: [`${root}out/servers/weather.js`], env: { WEATHER_API_URL: upstream.url, GEOCODING_API_URL: upstream.url } },
    github: { args: [`${root}out/servers/github.js`], env: { GITHUB_API_URL: upstream.url } },
  };
  const names = Object.keys(servers) as Array<keyof typeof servers>;
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<keyof typeof servers, number[]>;
  for (const name of names) await coldStart(servers[name].args, servers[name].env); // warm the file cache
  // Interleaved so that a burst of load on the machine hits every server alike.
  for (let run = 0; run < COLD_RUNS; run++) {
    for (const name of names) samples[name].push(await coldStart(servers[name].args, servers[name].env));
  }
  await upstream.close();
  const base = median(samples.reference);
  console.log(`stdio cold start, spawn to tools/list answered (median of ${COLD_RUNS}; budget 1.05x @modelcontextprotocol/server-github)`);
  for (const name of names) {
    const ratio = median(samples[name]) / base;
    const note = name === 'reference' ? 'baseline' : name === 'bare SDK v2' ? 'the SDK alone, for scale' : verdict(ratio, 1.05);
    console.log(`  ${name.padEnd(12)} ${fmt(median(samples[name]), 1).padStart(7)} ms  ratio ${fmt(ratio)}x  ${note}`);
  }
}

await throughput();
await coldStarts();
await measureLimiterCost();
process.exit(0);
