// npm run bench:manager: what the manager adds on top of talking to a server directly, how it copes
// with a server flooding stderr, and how fast it starts many servers. Ratios against baselines
// measured in this same run.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { AppCore } from '../src/core/app-core';
import { KeytarSecretStore } from '../src/core/secrets';
import { headlessRuntime } from '../test/support/app-core-harness';
import { buildChaosServer } from '../test/support/build-fixtures';
import { chaosServerPath } from '../test/support/chaos';
import { fmt, median, percentile, verdict } from './support/stats';

const CALLS = Number(process.env.BENCH_CALLS ?? 2_000);
const WARMUP_CALLS = Number(process.env.BENCH_WARMUP_CALLS ?? 10_000);
// The machine is shared and noisy: the verdict is the median of several rounds' ratios.
const CALL_ROUNDS = Number(process.env.BENCH_CALL_ROUNDS ?? 5);
const STDERR_LINES = 100_000;
const START_SERVERS = 10;
const START_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

async function timeCalls(call: () => Promise<unknown>, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < count; index++) {
    const startedAt = performance.now();
    await call();
    samples.push(performance.now() - startedAt);
  }
  return samples;
}

/** Both paths, interleaved in small blocks so a burst of machine load hits both alike. */
async function interleaved(paths: Record<'core' | 'bare', () => Promise<unknown>>, callsEach: number): Promise<{ core: number[]; bare: number[] }> {
  const samples = { core: [] as number[], bare: [] as number[] };
  const block = 100;
  for (let done = 0; done < callsEach; done += block) {
    samples.core.push(...(await timeCalls(paths.core, Math.min(block, callsEach - done))));
    samples.bare.push(...(await timeCalls(paths.bare, Math.min(block, callsEach - done))));
  }
  return samples;
}

function report(label: string, samples: { core: number[]; bare: number[] }): number {
  const ratio = median(samples.core) / median(samples.bare);
  console.log(`  ${label}`);
  console.log(`    bare SDK client  p50 ${fmt(median(samples.bare), 3)} ms  p99 ${fmt(percentile(samples.bare, 99), 3)} ms`);
  console.log(`    through AppCore  p50 ${fmt(median(samples.core), 3)} ms  p99 ${fmt(percentile(samples.core, 99), 3)} ms`);
  console.log(`    ratio p50 ${fmt(ratio)}x  p99 ${fmt(percentile(samples.core, 99) / percentile(samples.bare, 99))}x`);
  return ratio;
}

async function callRoundTrip(core: AppCore): Promise<void> {
  await core.call('servers.add', { id: 'echo', name: 'Echo', command: process.execPath, args: [chaosServerPath] });
  const direct = new Client({ name: 'bench', version: '0' });
  await direct.connect(new StdioClientTransport({ command: process.execPath, args: [chaosServerPath], stderr: 'ignore' }));
  const paths = {
    core: () => core.call('tools.call', { serverId: 'echo', name: 'echo', arguments: { text: 'ping' } }),
    bare: () => direct.callTool({ name: 'echo', arguments: { text: 'ping' } }),
  };
  console.log(`tool call round trip, ${CALLS} calls each per round (budget p50 ratio 1.10, once warm)`);
  // Right after start, V8 is still compiling both paths; a manager runs for days, so the budget
  // applies once both are warm. The cold figure is what the first calls cost.
  report(`cold: the first ${CALLS} calls after connecting`, await interleaved(paths, CALLS));
  await interleaved(paths, WARMUP_CALLS);
  const ratios: number[] = [];
  for (let round = 1; round <= CALL_ROUNDS; round++) {
    ratios.push(report(`warm, round ${round} of ${CALL_ROUNDS} (after ${WARMUP_CALLS.toLocaleString('en')} calls each to warm up)`, await interleaved(paths, CALLS)));
  }
  const ratio = median(ratios);
  console.log(`  warm p50 ratio, median of ${CALL_ROUNDS} rounds: ${fmt(ratio)}x  ${verdict(ratio, 1.1)}`);
  await direct.close();
}

async function stderrFlood(core: AppCore): Promise<void> {
  const idle = monitorEventLoopDelay({ resolution: 5 });
  idle.enable();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  idle.disable();

  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const flood = monitorEventLoopDelay({ resolution: 5 });
  flood.enable();
  const lastLine = `spam line ${STDERR_LINES - 1}`;
  let seenLast: () => void = () => {};
  const done = new Promise<void>((resolve) => (seenLast = resolve));
  const unsubscribe = core.on('log.entry', (entry) => {
    if (entry.serverId === 'echo' && entry.message === lastLine) seenLast();
  });
  const startedAt = performance.now();
  await core.call('tools.call', { serverId: 'echo', name: 'spam_stderr', arguments: { lines: STDERR_LINES } });
  await done;
  const elapsed = performance.now() - startedAt;
  flood.disable();
  unsubscribe();
  await core.logs.flush();
  globalThis.gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  const p99 = flood.percentile(99) / 1e6;
  const idleP99 = idle.percentile(99) / 1e6;
  console.log(`manager event loop while a server writes ${STDERR_LINES.toLocaleString('en')} stderr lines (budget p99 50 ms)`);
  console.log(`  idle p99 ${fmt(idleP99)} ms; during the flood p99 ${fmt(p99)} ms, max ${fmt(flood.max / 1e6)} ms  ${verdict(p99, 50)}`);
  console.log(`  all lines in the timeline after ${fmt(elapsed / 1000)} s (${Math.round(STDERR_LINES / (elapsed / 1000)).toLocaleString('en')} lines/s)`);
  const buffered = core.logs.query({ serverId: 'echo', limit: 100_000 }).length;
  console.log(`  heap ${fmt(heapBefore / 2 ** 20, 1)} MB before, ${fmt(heapAfter / 2 ** 20, 1)} MB after; ring buffer holds ${buffered} entries`);
}

async function startMany(core: AppCore): Promise<void> {
  const ids = Array.from({ length: START_SERVERS }, (_, index) => `many-${index}`);
  for (const id of ids) {
    await core.call('servers.add', { id, name: id, command: process.execPath, args: [chaosServerPath], autostart: false });
    await core.call('servers.stop', { id });
  }
  const sequential: number[] = [];
  const parallel: number[] = [];
  const stopAll = () => Promise.all(ids.map((id) => core.call('servers.stop', { id })));
  for (let round = 0; round < START_ROUNDS; round++) {
    let startedAt = performance.now();
    for (const id of ids) await core.call('servers.start', { id });
    sequential.push(performance.now() - startedAt);
    await stopAll();
    startedAt = performance.now();
    await Promise.all(ids.map((id) => core.call('servers.start', { id })));
    parallel.push(performance.now() - startedAt);
    await stopAll();
  }
  console.log(`starting ${START_SERVERS} servers, spawn to running (median of ${START_ROUNDS} rounds)`);
  console.log(`  sequential ${fmt(median(sequential), 0)} ms; parallel ${fmt(median(parallel), 0)} ms; parallel/sequential ${fmt(median(parallel) / median(sequential))}x`);
}

async function main(): Promise<void> {
  await buildChaosServer();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'mcp-tray-bench-'));
  const core = await AppCore.create({
    dataDir,
    secrets: new KeytarSecretStore(`MCP Tray bench ${process.pid}`),
    runtime: headlessRuntime,
    stopTimings: { termAfterMs: 1_000, killAfterMs: 2_000 },
  });
  try {
    await callRoundTrip(core);
    await stderrFlood(core);
    await startMany(core);
  } finally {
    await core.shutdown();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
