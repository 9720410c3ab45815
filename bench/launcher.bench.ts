// npm run bench:launcher: what the launcher's bridge to the running manager costs and saves, each
// figure against a baseline measured in this same run (the machine is shared and noisy):
//   call cost  a cache-hit get_weather through a registered entry (launcher -> control socket -> manager ->
//              the one weather process) against a direct stdio client to the same built server. Budget: +1 ms at p50.
//   start-up   client spawn to tools/list answered, through the bridge to a running server, against a direct
//              start of the built server. Budget: 0.8x.
//   memory     total RSS of 3 clients x 2 bundled servers, bridged against one copy per client (the launcher's
//              direct start, as when MCP Tray is not running), and the bridge process's own RSS. No budget.
// The manager runs in a process of its own (test/fixtures/bridge-manager.ts) on a temp data folder and home;
// weather talks to a local fake Open-Meteo and github to a local fake GitHub: nothing reaches the internet.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { startBridgeManager, type BridgeManager } from '../test/bridge/support/manager-process';
import { connectToEntry, type ConfigEntry, type LaunchedEntry } from '../test/clients/support/entry-process';
import { startFakeOpenMeteo } from '../test/servers/fixtures/weather-fake-open-meteo';
import { headlessRuntime } from '../test/support/app-core-harness';
import { startFakeGitHub } from '../test/support/fake-github';
import { installTestKeychainForRun } from '../test/support/isolated-keyring';
import { rssMb, totalRssMb } from './support/process-memory';
import { fmt, median, percentile, verdict } from './support/stats';

const CALLS = Number(process.env.BENCH_CALLS ?? 300);
/**
 * Calls on each path before timing: the manager's call path (hub, supervisor, SDK client) runs cold
 * for the first few hundred calls, at about twice its steady cost, and a client in use is warm.
 */
const WARMUP_CALLS = Number(process.env.BENCH_WARMUP_CALLS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const CALL_BUDGET_MS = 1;
const START_BUDGET = 0.8;
const CLIENTS = 3;
const SERVER_IDS = ['weather', 'github'] as const;
type BundledId = (typeof SERVER_IDS)[number];
const DIRECT_START_SENTENCE = 'MCP Tray is not running; starting';

const GET_WEATHER = { name: 'get_weather', arguments: { location: '52.52,13.41' } };

async function stdioClient(entry: ConfigEntry): Promise<{ client: Client; stderr: () => string }> {
  const transport = new StdioClientTransport({ command: entry.command, args: entry.args, env: entry.env ?? {}, stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const client = new Client({ name: 'bench-launcher', version: '0.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr };
}

async function cacheHit(client: Client): Promise<number> {
  const startedAt = performance.now();
  const result = await client.callTool(GET_WEATHER);
  const elapsed = performance.now() - startedAt;
  if (result.isError) throw new Error(`get_weather failed: ${JSON.stringify(result.content).slice(0, 300)}`);
  return elapsed;
}

function requireBridged(launched: { stderr: () => string }, what: string): void {
  if (launched.stderr().includes(DIRECT_START_SENTENCE)) throw new Error(`${what} started the server directly instead of bridging:\n${launched.stderr()}`);
}

async function callCost(bridgedEntry: ConfigEntry, directEntry: ConfigEntry): Promise<void> {
  const bridged = await stdioClient(bridgedEntry);
  const direct = await stdioClient(directEntry);
  try {
    requireBridged(bridged, 'The weather entry');
    for (let warm = 0; warm < WARMUP_CALLS; warm++) {
      await cacheHit(direct.client);
      await cacheHit(bridged.client);
    }
    const samples = { direct: [] as number[], bridged: [] as number[] };
    // Interleaved so that a burst of load on the machine hits both paths alike.
    for (let call = 0; call < CALLS; call++) {
      samples.direct.push(await cacheHit(direct.client));
      samples.bridged.push(await cacheHit(bridged.client));
    }
    const added = median(samples.bridged) - median(samples.direct);
    console.log(`call cost: cache-hit get_weather, ${CALLS} calls each after ${WARMUP_CALLS} to warm up (budget: at most +${CALL_BUDGET_MS} ms at p50)`);
    console.log(`  direct stdio client  p50 ${fmt(median(samples.direct), 3).padStart(7)} ms  p99 ${fmt(percentile(samples.direct, 99), 3).padStart(7)} ms`);
    console.log(`  through the bridge   p50 ${fmt(median(samples.bridged), 3).padStart(7)} ms  p99 ${fmt(percentile(samples.bridged, 99), 3).padStart(7)} ms`);
    console.log(`  added at p50 ${fmt(added, 3)} ms  ratio ${fmt(median(samples.bridged) / median(samples.direct))}x  ${verdict(added, CALL_BUDGET_MS)}`);
  } finally {
    await bridged.client.close();
    await direct.client.close();
  }
}

/** Spawn to tools/list answered, in milliseconds, with exactly the entry's environment. */
async function coldStart(entry: ConfigEntry, bridged: boolean): Promise<number> {
  const startedAt = performance.now();
  const launched = await connectToEntry(entry);
  await launched.client.listTools();
  const elapsed = performance.now() - startedAt;
  await launched.close();
  if (bridged) requireBridged(launched, 'A bridged start');
  return elapsed;
}

async function startUp(bridgedEntries: Record<BundledId, ConfigEntry>, directEntries: Record<BundledId, ConfigEntry>): Promise<void> {
  const samples = Object.fromEntries(SERVER_IDS.map((id) => [id, { direct: [] as number[], bridged: [] as number[] }])) as Record<BundledId, { direct: number[]; bridged: number[] }>;
  for (const id of SERVER_IDS) {
    await coldStart(directEntries[id], false); // warm the file cache
    await coldStart(bridgedEntries[id], true);
  }
  for (let run = 0; run < RUNS; run++) {
    for (const id of SERVER_IDS) {
      samples[id].direct.push(await coldStart(directEntries[id], false));
      samples[id].bridged.push(await coldStart(bridgedEntries[id], true));
    }
  }
  console.log(`start-up: client spawn to tools/list answered, median of ${RUNS} (budget: at most ${START_BUDGET}x a direct start of the built server)`);
  for (const id of SERVER_IDS) {
    const directMs = median(samples[id].direct);
    const bridgedMs = median(samples[id].bridged);
    const ratio = bridgedMs / directMs;
    console.log(`  ${id.padEnd(8)} direct ${fmt(directMs, 1).padStart(7)} ms  bridged to the running server ${fmt(bridgedMs, 1).padStart(7)} ms  ratio ${fmt(ratio)}x  ${verdict(ratio, START_BUDGET)}`);
  }
}

/** CLIENTS clients of every bundled server, each through its registered entry; all connected at once. */
async function launchEveryClient(entries: Record<BundledId, ConfigEntry>): Promise<LaunchedEntry[]> {
  const launched: LaunchedEntry[] = [];
  for (let client = 0; client < CLIENTS; client++) {
    for (const id of SERVER_IDS) {
      const entry = await connectToEntry(entries[id]);
      await entry.client.listTools();
      launched.push(entry);
    }
  }
  return launched;
}

async function closeAll(launched: readonly LaunchedEntry[]): Promise<void> {
  await Promise.all(launched.map((entry) => entry.close()));
}

/** The floor any bridge stands on: a node process that has loaded nothing and waits on its stdin. */
async function bareNodeRssMb(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'process.stdin.resume(); process.stdout.write("ready\\n")'], { stdio: ['pipe', 'pipe', 'inherit'] });
  await once(child.stdout, 'data');
  const rss = await rssMb(child.pid ?? 0);
  const exited = once(child, 'exit');
  child.stdin.end();
  await exited;
  return rss;
}

async function memory(manager: BridgeManager, entries: Record<BundledId, ConfigEntry>): Promise<void> {
  const bridges = await launchEveryClient(entries);
  for (const bridge of bridges) requireBridged(bridge, 'A bridged client');
  const serverPids = await Promise.all(
    SERVER_IDS.map(async (id) => {
      const { health } = await manager.control.call('servers.get', { id });
      if (health.pid === null) throw new Error(`The manager's ${id} server is not running.`);
      return health.pid;
    }),
  );
  const bridgePids = bridges.map((bridge) => bridge.child.pid ?? 0);
  const bridgeRss = await Promise.all(bridgePids.map(rssMb));
  const bridgedTotal = (await totalRssMb(bridgePids)) + (await totalRssMb(serverPids));
  const managerRss = await rssMb(manager.pid);
  const bareRss = await bareNodeRssMb();
  await closeAll(bridges);

  // Today's behaviour without a manager: each client's launcher runs its own copy of the server.
  await manager.kill();
  const copies = await launchEveryClient(entries);
  for (const copy of copies) {
    if (!copy.stderr().includes(DIRECT_START_SENTENCE)) throw new Error(`A launcher without a manager did not start its server directly:\n${copy.stderr()}`);
  }
  const copiesTotal = await totalRssMb(copies.map((copy) => copy.child.pid ?? 0));
  await closeAll(copies);

  const clients = `${CLIENTS} clients x ${SERVER_IDS.length} bundled servers`;
  console.log(`memory: total RSS of ${clients} (no budget)`);
  console.log(`  one copy per client      ${fmt(copiesTotal, 1).padStart(7)} MB  (${copies.length} launchers, each running its server in-process)`);
  console.log(`  bridged                  ${fmt(bridgedTotal, 1).padStart(7)} MB  (${bridges.length} bridges + ${serverPids.length} shared server processes)  ratio ${fmt(bridgedTotal / copiesTotal)}x`);
  console.log(`  one bridge process       ${fmt(median(bridgeRss), 1).padStart(7)} MB  median (min ${fmt(Math.min(...bridgeRss), 1)}, max ${fmt(Math.max(...bridgeRss), 1)}); a bare node process: ${fmt(bareRss, 1)} MB`);
  console.log(`  manager (not counted: it runs either way) ${fmt(managerRss, 1)} MB`);
}

async function main(): Promise<void> {
  if (process.platform !== 'linux') throw new Error('bench:launcher reads /proc and starts an isolated gnome-keyring, which run on Linux only.');
  // The manager and every launcher inherit this environment: the bench's own keyring, never the machine's.
  const stopKeychain = await installTestKeychainForRun();
  const upstream = await startFakeOpenMeteo();
  const github = await startFakeGitHub();
  let manager: BridgeManager | undefined;
  try {
    manager = await startBridgeManager('bench-launcher');
    const weatherEnv = { WEATHER_API_URL: upstream.url, GEOCODING_API_URL: upstream.url };
    const githubEnv = { GITHUB_API_URL: github.apiUrl };
    await manager.control.call('servers.setEnv', { id: 'weather', env: weatherEnv });
    await manager.control.call('servers.setEnv', { id: 'github', env: githubEnv });
    for (const id of SERVER_IDS) await manager.control.call('servers.start', { id });
    const registered = await manager.register('claude-desktop', [...SERVER_IDS]);
    const bridgedEntries = { weather: registered.weather, github: registered.github } as Record<BundledId, ConfigEntry | undefined>;
    if (!bridgedEntries.weather || !bridgedEntries.github) throw new Error('Registration wrote no weather or github entry.');
    const entries = bridgedEntries as Record<BundledId, ConfigEntry>;
    const serversDir = headlessRuntime.serversDir;
    const directEntries: Record<BundledId, ConfigEntry> = {
      weather: { command: process.execPath, args: [path.join(serversDir, 'weather.js')], env: weatherEnv },
      github: { command: process.execPath, args: [path.join(serversDir, 'github.js')], env: githubEnv },
    };

    await callCost(entries.weather, directEntries.weather);
    if (upstream.requests.length === 0) throw new Error('The weather server never reached the local fake: the call cost measured something else.');
    await startUp(entries, directEntries);
    await memory(manager, entries);
  } finally {
    await manager?.remove();
    await upstream.close();
    await github.close();
    await stopKeychain();
  }
}

await main();
