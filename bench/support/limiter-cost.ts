// What the per-caller rate limit costs a tool call over HTTP. The weather server answers cache-hit
// get_weather calls with its buckets in memory, then in a real redis-server, then with no limit, in
// alternating rounds of one run (the machine is shared, so only ratios in one run mean much).
import { startHttpServerProcess, type HttpServerProcess } from '../../test/servers/fixtures/http-server-process';
import { redisMissingReason, startRedis } from '../../test/servers/fixtures/redis-process';
import { startFakeOpenMeteo, weatherEnv } from '../../test/servers/fixtures/weather-fake-open-meteo';
import { postGetWeather } from './get-weather-over-http';
import { fmt, median, percentile } from './stats';

const CALLS = Number(process.env.BENCH_CALLS ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const KEY = 'bench-key-2f7c9e0a4b1d6e83';

async function callOnce(url: string): Promise<void> {
  const { ok, status, text } = await postGetWeather(url, { authorization: `Bearer ${KEY}` });
  if (!ok || text.includes('"isError":true')) throw new Error(`call failed: HTTP ${status} ${text.slice(0, 200)}`);
}

async function latencies(url: string): Promise<number[]> {
  const samples: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next++ < CALLS) {
      const startedAt = performance.now();
      await callOnce(url);
      samples.push(performance.now() - startedAt);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return samples;
}

/** Prints the limiter's cost; says why and returns when no redis-server is installed. */
export async function measureLimiterCost(): Promise<void> {
  const missing = redisMissingReason();
  if (missing) {
    console.log(`limiter cost skipped: ${missing}`);
    return;
  }
  const openMeteo = await startFakeOpenMeteo();
  const redis = await startRedis();
  // A limit no caller reaches here, so every call does the full bucket update and none is refused.
  const limited = { MCP_AUTH_TOKENS: `bench:${KEY}`, RATE_LIMIT_RPM: '1000000', RATE_LIMIT_BURST: '1000000', LOG_LEVEL: 'warn' };
  const servers: Record<string, HttpServerProcess> = {};
  try {
    servers.memory = await startHttpServerProcess('weather', weatherEnv(openMeteo, { ...limited, LOG_LEVEL: 'info' }));
    servers.redis = await startHttpServerProcess('weather', weatherEnv(openMeteo, { ...limited, LOG_LEVEL: 'info', REDIS_URL: redis.url }));
    servers.none = await startHttpServerProcess('weather', weatherEnv(openMeteo, { ...limited, LOG_LEVEL: 'info', RATE_LIMIT_RPM: '0' }));
    const samples: Record<string, number[]> = { memory: [], redis: [], none: [] };
    for (const url of Object.values(servers).map((server) => server.url)) await latencies(url);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, server] of Object.entries(servers)) samples[name]!.push(...(await latencies(server.url)));
    }
    const p50 = (name: string) => median(samples[name]!);
    const p99 = (name: string) => percentile(samples[name]!, 99);
    console.log(`get_weather over HTTP, ${ROUNDS} rounds x ${CALLS} calls, ${CONCURRENCY} at a time`);
    for (const name of ['none', 'memory', 'redis']) console.log(`  ${name.padEnd(7)} p50 ${fmt(p50(name))} ms  p99 ${fmt(p99(name))} ms`);
    console.log(`limiter cost: redis p50 / memory p50 = ${fmt(p50('redis') / p50('memory'))}x (redis adds ${fmt(p50('redis') - p50('memory'))} ms)`);
    console.log(`              memory p50 / no limit p50 = ${fmt(p50('memory') / p50('none'))}x`);
  } finally {
    for (const server of Object.values(servers)) await server.stop();
    await redis.kill();
    await openMeteo.close();
  }
}
