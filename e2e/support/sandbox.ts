/**
 * A throwaway world for end-to-end runs and the UI benchmark: a temp HOME and data folder, a
 * keychain no real entry lives in (on Linux an isolated gnome-keyring on a private D-Bus; elsewhere
 * the system keychain under a unique service name), and fake upstreams for both bundled servers,
 * wired in through `mcp-tray servers env` so nothing ever reaches the internet.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeOpenMeteo, type FakeOpenMeteo } from '../../test/servers/fixtures/weather-fake-open-meteo';
import { startFakeGitHub, type FakeGitHub } from '../../test/support/fake-github';
import { startIsolatedKeyring, uniqueTestKeychainService, type IsolatedKeyring } from '../../test/support/isolated-keyring';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const cliPath = path.join(projectRoot, 'out/host/cli.js');
export const uiDir = path.join(projectRoot, 'out/renderer');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface E2eSandbox {
  home: string;
  dataDir: string;
  /** The whole environment of an mcp-tray process in this sandbox (nothing else from ours). */
  env: Record<string, string>;
  keychainService: string;
  openMeteo: FakeOpenMeteo;
  github: FakeGitHub;
  runCli(args: string[], input?: string): Promise<CliResult>;
  dispose(): Promise<void>;
}

/** Builds (when a source changed) the CLI, the servers and the UI, as `npm run serve` does. */
export function buildIfNeeded(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'scripts/build-if-needed.mjs')], { cwd: projectRoot, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`scripts/build-if-needed.mjs failed (exit ${code}); see its output above.`))));
  });
}

function runProcess(env: Record<string, string>, args: string[], input: string | undefined): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd: projectRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

async function startKeychain(): Promise<{ env: Record<string, string>; service: string; keyring: IsolatedKeyring | undefined }> {
  // macOS and Windows have one keychain per user; the unique service name keeps test entries apart.
  if (process.platform !== 'linux') {
    const service = uniqueTestKeychainService();
    return { env: { MCP_TRAY_KEYCHAIN_SERVICE: service }, service, keyring: undefined };
  }
  const keyring = await startIsolatedKeyring();
  return { env: { ...keyring.env, MCP_TRAY_KEYCHAIN_SERVICE: keyring.keychainService }, service: keyring.keychainService, keyring };
}

export async function createE2eSandbox(prefix: string): Promise<E2eSandbox> {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run "npm run build".`);
  const root = await mkdtemp(path.join(os.tmpdir(), `mcp-tray-${prefix}-`));
  const cleanups: Array<() => Promise<void>> = [() => rm(root, { recursive: true, force: true })];
  const dispose = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
  };
  try {
    const home = path.join(root, 'home');
    const dataDir = path.join(root, 'data');
    await mkdir(home, { recursive: true });
    const keychain = await startKeychain();
    if (keychain.keyring) cleanups.push(() => (keychain.keyring as IsolatedKeyring).stop());
    const openMeteo = await startFakeOpenMeteo();
    cleanups.push(() => openMeteo.close());
    const github = await startFakeGitHub();
    cleanups.push(() => github.close());

    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      USERPROFILE: home,
      // Every client config (Claude Desktop's and the others') resolves inside the temp HOME.
      XDG_CONFIG_HOME: path.join(home, '.config'),
      APPDATA: path.join(home, 'AppData', 'Roaming'),
      LOCALAPPDATA: path.join(home, 'AppData', 'Local'),
      MCP_TRAY_HOME: dataDir,
      ...keychain.env,
    };
    const runCli = (args: string[], input?: string) => runProcess(env, args, input);
    for (const args of [
      ['servers', 'env', 'weather', `WEATHER_API_URL=${openMeteo.url}`, `GEOCODING_API_URL=${openMeteo.url}`],
      ['servers', 'env', 'github', `GITHUB_API_URL=${github.apiUrl}`],
    ]) {
      const result = await runCli(args);
      if (result.code !== 0) throw new Error(`mcp-tray ${args.join(' ')} failed (exit ${result.code}):\n${result.stdout}${result.stderr}`);
    }
    return { home, dataDir, env, keychainService: keychain.service, openMeteo, github, runCli, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
