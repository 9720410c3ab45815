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

async function callRoundTrip(core: AppCore): Promise<void> {
  await core.call('servers.add', { id: 'echo', name: 'Echo', command: process.execPath, args: [chaosServerPath] });
  const direct = new Client({ name: 'bench', version: '0' });
  await direct.connect(new StdioClientTransport({ command: process.execPath, args: [chaosServerPath], stderr: 'ignore' }));
  const viaCore = () => core.call('tools.call', { serverId: 'echo', name: 'echo', arguments: { text: 'ping' } });
  const viaClient = () => direct.callTool({ name: 'echo', arguments: { text: 'ping' } });
  await timeCalls(viaCore, 100); // warm both paths
  await timeCalls(viaClient, 100);
  const core_: number[] = [];
  const bare: number[] = [];
  // Interleaved in blocks so a burst of machine load hits both alike.
  for (let block = 0; block < 10; block++) {
    core_.push(...(await timeCalls(viaCore, CALLS / 10)));
    bare.push(...(await timeCalls(viaClient, CALLS / 10)));
  }
  await direct.close();
  console.log(`tool call round trip (${CALLS} calls each; budget p50 ratio 1.10)`);
  console.log(`  bare SDK client  p50 ${fmt(median(bare), 3)} ms  p99 ${fmt(percentile(bare, 99), 3)} ms`);
  console.log(`  through AppCore  p50 ${fmt(median(core_), 3)} ms  p99 ${fmt(percentile(core_, 99), 3)} ms`);
  const ratio = median(core_) / median(bare);
  console.log(`  ratio p50 ${fmt(ratio)}x  p99 ${fmt(percentile(core_, 99) / percentile(bare, 99))}x  ${verdict(ratio, 1.1)}`);
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
