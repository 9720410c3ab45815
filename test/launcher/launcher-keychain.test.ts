/**
 * The launcher and the keychain when things are not ideal: no bus address passed on (the client gave
 * an empty environment), a keychain that cannot be reached, and one that hangs.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../src/core/secrets';
import { OCTOCAT_TOKEN } from '../servers/fixtures/github-data';
import { makeTempDir, waitFor } from '../support/chaos';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github';
import { requireTestKeychain, startIsolatedKeyring } from '../support/isolated-keyring';
import { projectRoot, textOf } from '../support/mcp-child';
import { connectToEntry, type ConfigEntry } from '../clients/support/entry-process';

const LAUNCHER = path.join(projectRoot, 'out/host/mcp-tray-launcher.js');

describe.skipIf(process.platform !== 'linux')('the launcher and the Linux keychain', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let github: FakeGitHub;
  let dataDir: string;
  let keychainService: string;

  const githubEntry = (env: Record<string, string>): ConfigEntry => ({
    command: process.execPath,
    args: [LAUNCHER, 'github'],
    env: { MCP_TRAY_HOME: dataDir, MCP_TRAY_KEYCHAIN_SERVICE: keychainService, ...env },
  });

  beforeAll(async () => {
    const keychain = requireTestKeychain();
    temp = await makeTempDir('launcher-keychain');
    github = await startFakeGitHub();
    dataDir = path.join(temp.dir, 'data');
    await mkdir(dataDir, { recursive: true });
    await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ servers: { github: { env: { GITHUB_API_URL: github.apiUrl } } } }));
    // Its own service name: other test files use the same isolated keyring at the same time.
    keychainService = `${keychain.keychainService} launcher-keychain ${randomBytes(3).toString('hex')}`;
    await new KeytarSecretStore(keychainService).set('github', 'GITHUB_TOKEN', OCTOCAT_TOKEN);
  });

  afterAll(async () => {
    await github?.close();
    await temp?.remove();
  });

  it('finds the session bus at $XDG_RUNTIME_DIR/bus when no address is passed on', async () => {
    const busAddress = requireTestKeychain().env.DBUS_SESSION_BUS_ADDRESS ?? '';
    const socket = /^unix:path=(.+)$/.exec(busAddress)?.[1];
    expect(socket, `the test bus should be a unix:path address, got ${busAddress}`).toBeDefined();
    // A runtime folder like a desktop session's, whose conventional "bus" is the test bus.
    const runtimeDir = path.join(temp.dir, 'runtime');
    await mkdir(runtimeDir, { mode: 0o700 });
    await symlink(socket ?? '', path.join(runtimeDir, 'bus'));

    const before = github.requests.length;
    const server = await connectToEntry(githubEntry({ XDG_RUNTIME_DIR: runtimeDir }));
    const result = await server.client.callTool({ name: 'get_me', arguments: {} });
    expect(textOf(result)).toContain('octocat');
    expect(github.requests.slice(before).map((request) => request.headers.authorization)).toContain(`token ${OCTOCAT_TOKEN}`);
    await server.close();
  });

  it('runs the server without its secret when the keychain cannot be reached, and says so on stderr', async () => {
    const deadBus = `unix:path=${path.join(temp.dir, 'no-bus-here')}`;
    const server = await connectToEntry(githubEntry({ MCP_TRAY_DBUS_SESSION_BUS_ADDRESS: deadBus }));
    const { tools } = await server.client.listTools();
    expect(tools.map((tool) => tool.name)).toContain('create_issue');
    const result = await server.client.callTool({ name: 'create_issue', arguments: { owner: 'octocat', repo: 'hello-world', title: 'Hi' } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('GITHUB_TOKEN');
    const exit = await server.close();
    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.stderr()).toContain(`MCP Tray launcher: the keychain (service "${keychainService}") could not be read`);
    expect(server.stderr()).toContain('Starting "github" without GITHUB_TOKEN');
  });

  it('does not let a hung keychain hold its exit', async () => {
    const frozen = await startIsolatedKeyring();
    try {
      // A stopped daemon keeps its bus name: calls reach it and never come back.
      process.kill(frozen.secretServicePid ?? -1, 'SIGSTOP');
      const server = await connectToEntry(githubEntry({ ...frozen.env, MCP_TRAY_KEYCHAIN_TIMEOUT_MS: '1000' }));
      await server.client.listTools();
      expect(server.stderr()).toContain('did not answer within 1 s');

      // libsecret would keep the abandoned call (and so the process) alive for ~25 s; the client closed us, so we go now.
      server.child.stdin.end();
      const exit = await waitFor('the launcher to exit after stdin closed', () => (server.child.exitCode !== null || server.child.signalCode !== null) && server.exited, 10_000);
      expect(await exit).toEqual({ code: null, signal: 'SIGKILL' });
    } finally {
      await frozen.stop();
    }
  });
});
