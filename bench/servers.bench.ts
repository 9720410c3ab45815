// npm run bench:servers: cold start, idle RSS and cache-hit latency of the bundled servers,
// each against a baseline measured in this same run (the machine is shared and noisy).
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startFakeOpenMeteo } from '../test/servers/fixtures/weather-fake-open-meteo';
import { fmt, median, percentile, verdict } from './support/stats';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const CACHE_HIT_CALLS = Number(process.env.BENCH_CALLS ?? 500);

type ServerId = 'bench-minimal' | 'weather' | 'github';

async function connect(id: ServerId, env: Record<string, string>) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [`${root}out/servers/${id}.js`],
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stderr: 'ignore',
  });
  const client = new Client({ name: 'bench', version: '0' });
  await client.connect(transport);
  return { client, transport };
}

/** Spawn to tools/list answered, in milliseconds. */
async function coldStart(id: ServerId, env: Record<string, string>): Promise<number> {
  const startedAt = performance.now();
  const { client } = await connect(id, env);
  await client.listTools();
  const elapsed = performance.now() - startedAt;
  await client.close();
  return elapsed;
}

async function idleRssMb(id: ServerId, env: Record<string, string>): Promise<number> {
  const { client, transport } = await connect(id, env);
  await client.listTools();
  await new Promise((resolve) => setTimeout(resolve, 500));
  const status = await readFile(`/proc/${transport.pid}/status`, 'utf8');
  await client.close();
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return kb / 1024;
}

async function main(): Promise<void> {
  const upstream = await startFakeOpenMeteo();
  const envs: Record<ServerId, Record<string, string>> = {
    'bench-minimal': {},
    weather: { WEATHER_API_URL: upstream.url, GEOCODING_API_URL: upstream.url },
    github: { GITHUB_API_URL: upstream.url },
  };
  const ids: ServerId[] = ['bench-minimal', 'weather', 'github'];

  // Interleaved so that a burst of load on the machine hits every server alike.
  const starts: Record<ServerId, number[]> = { 'bench-minimal': [], weather: [], github: [] };
  const rss: Record<ServerId, number[]> = { 'bench-minimal': [], weather: [], github: [] };
  await coldStart('bench-minimal', {}); // warm the file cache once
  for (let run = 0; run < RUNS; run++) {
    for (const id of ids) starts[id].push(await coldStart(id, envs[id]));
  }
  for (let run = 0; run < 5; run++) {
    for (const id of ids) rss[id].push(await idleRssMb(id, envs[id]));
  }

  const baselineStart = median(starts['bench-minimal']);
  console.log(`cold start, spawn to tools/list answered (median of ${RUNS}; budget 1.5x the minimal SDK server)`);
  for (const id of ids) {
    const ratio = median(starts[id]) / baselineStart;
    console.log(`  ${id.padEnd(14)} ${fmt(median(starts[id]), 1).padStart(7)} ms  ratio ${fmt(ratio)}x  ${id === 'bench-minimal' ? 'baseline' : verdict(ratio, 1.5)}`);
  }
  console.log('idle RSS after tools/list (median of 5; budget 80 MB)');
  const baselineRss = median(rss['bench-minimal']);
  for (const id of ids) {
    const value = median(rss[id]);
    console.log(`  ${id.padEnd(14)} ${fmt(value, 1).padStart(7)} MB  ratio ${fmt(value / baselineRss)}x  ${verdict(value, 80)}`);
  }

  // Cache hits: the first call fills the cache, every later one must be answered without the upstream.
  const weather = await connect('weather', envs.weather);
  const echo = await connect('bench-minimal', {});
  await weather.client.callTool({ name: 'get_weather', arguments: { location: 'Berlin' } });
  const requestsBefore = upstream.requests.length;
  const hit: number[] = [];
  const baseline: number[] = [];
  for (let call = 0; call < CACHE_HIT_CALLS; call++) {
    let startedAt = performance.now();
    await weather.client.callTool({ name: 'get_weather', arguments: { location: 'Berlin' } });
    hit.push(performance.now() - startedAt);
    startedAt = performance.now();
    await echo.client.callTool({ name: 'echo', arguments: { text: 'Berlin' } });
    baseline.push(performance.now() - startedAt);
  }
  const upstreamCalls = upstream.requests.length - requestsBefore;
  await weather.client.close();
  await echo.client.close();
  await upstream.close();
  console.log(`get_weather on a cache hit over stdio (${CACHE_HIT_CALLS} calls; budget p50 2 ms)`);
  console.log(`  p50 ${fmt(median(hit), 3)} ms  p99 ${fmt(percentile(hit, 99), 3)} ms  ${verdict(median(hit), 2)}`);
  console.log(`  echo baseline p50 ${fmt(median(baseline), 3)} ms  p99 ${fmt(percentile(baseline, 99), 3)} ms  ratio p50 ${fmt(median(hit) / median(baseline))}x`);
  console.log(`  upstream requests during the cache-hit calls: ${upstreamCalls}`);
}

await main();
