// npm run bench:launcher: what the launcher adds to a server's cold start when a client runs it from
// the entry MCP Tray registered (settings read, keychain read, in-process start), against starting the
// same built server file directly with node, measured in this same run. Budget: at most 1.2x.
// The keychain is real: an isolated gnome-keyring on a private D-Bus (Linux), holding the github token.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listDefinitions } from '../src/core/catalog';
import { nodeClientContext } from '../src/core/clients/client-context';
import { ClientRegistrar } from '../src/core/clients/client-registrar';
import { KeytarSecretStore } from '../src/core/secrets';
import { defaultSettings } from '../src/core/settings';
import { connectToEntry, ConfigEntrySchema, type ConfigEntry } from '../test/clients/support/entry-process';
import { headlessRuntime } from '../test/support/app-core-harness';
import { startIsolatedKeyring } from '../test/support/isolated-keyring';
import { fmt, median, verdict } from './support/stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const BUDGET = 1.2;
const TOKEN = 'tok-bench-launcher-5f1c9e2a7b3d';

/** Spawn to tools/list answered, in milliseconds, with exactly the entry's environment. */
async function coldStart(entry: ConfigEntry): Promise<number> {
  const startedAt = performance.now();
  const launched = await connectToEntry(entry);
  await launched.client.listTools();
  const elapsed = performance.now() - startedAt;
  await launched.close();
  return elapsed;
}

async function registeredEntries(home: string, dataDir: string, keychainService: string): Promise<Record<'weather' | 'github', ConfigEntry>> {
  const registrar = new ClientRegistrar({
    dataDir,
    runtime: headlessRuntime,
    keychainService,
    servers: () => listDefinitions(defaultSettings(), headlessRuntime),
    context: nodeClientContext({ homeDir: home, env: { HOME: home, DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS }, platform: 'linux' }),
    uid: process.getuid?.(),
  });
  const result = await registrar.register({ clientId: 'claude-desktop', renameOnConflict: false });
  const config = JSON.parse(await readFile(result.configPath, 'utf8')) as { mcpServers: Record<string, unknown> };
  if (JSON.stringify(config).includes(TOKEN)) throw new Error('The registered config contains the token.');
  return { weather: ConfigEntrySchema.parse(config.mcpServers.weather), github: ConfigEntrySchema.parse(config.mcpServers.github) };
}

async function main(): Promise<void> {
  if (process.platform !== 'linux') throw new Error('bench:launcher starts an isolated gnome-keyring, which runs on Linux only.');
  const keyring = await startIsolatedKeyring();
  const home = await mkdtemp(path.join(tmpdir(), 'mcp-tray-bench-launcher-'));
  try {
    // This process writes the token into the isolated keyring, never the machine's.
    process.env.DBUS_SESSION_BUS_ADDRESS = keyring.env.DBUS_SESSION_BUS_ADDRESS;
    await new KeytarSecretStore(keyring.keychainService).set('github', 'GITHUB_TOKEN', TOKEN);
    const viaLauncher = await registeredEntries(home, path.join(home, 'data'), keyring.keychainService);
    const serversDir = headlessRuntime.serversDir;
    const direct: Record<'weather' | 'github', ConfigEntry> = {
      weather: { command: process.execPath, args: [path.join(serversDir, 'weather.js')], env: {} },
      github: { command: process.execPath, args: [path.join(serversDir, 'github.js')], env: { GITHUB_TOKEN: TOKEN } },
    };

    // The launcher must really have read the token, or the comparison would flatter it.
    const check = await connectToEntry(viaLauncher.github);
    await check.client.listTools();
    await check.close();
    if (!check.stderr().includes('"has_token":true')) throw new Error(`The launched github server did not get its token:\n${check.stderr()}`);

    const ids = ['weather', 'github'] as const;
    const samples = { weather: { direct: [] as number[], launcher: [] as number[] }, github: { direct: [] as number[], launcher: [] as number[] } };
    for (const id of ids) {
      await coldStart(direct[id]); // warm the file cache
      await coldStart(viaLauncher[id]);
    }
    // Interleaved so that a burst of load on the machine hits both paths alike.
    for (let run = 0; run < RUNS; run++) {
      for (const id of ids) {
        samples[id].direct.push(await coldStart(direct[id]));
        samples[id].launcher.push(await coldStart(viaLauncher[id]));
      }
    }

    console.log(`launcher cold start, spawn to tools/list answered (median of ${RUNS}; budget ${BUDGET}x the server started directly with node)`);
    for (const id of ids) {
      const directMs = median(samples[id].direct);
      const launcherMs = median(samples[id].launcher);
      const ratio = launcherMs / directMs;
      const note = id === 'github' ? ' (token read from the isolated keychain)' : ' (no secrets: keychain not touched)';
      console.log(`  ${id.padEnd(8)} direct ${fmt(directMs, 1).padStart(7)} ms  launcher ${fmt(launcherMs, 1).padStart(7)} ms  ratio ${fmt(ratio)}x  ${verdict(ratio, BUDGET)}${note}`);
    }
  } finally {
    await rm(home, { recursive: true, force: true });
    await keyring.stop();
  }
}

await main();
