import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../src/core/app-core';
import { KeytarSecretStore } from '../../src/core/secrets';
import { FIXTURE_NAMES, startFakeRegistry, type FakeRegistry } from '../fixtures/fake-registry';
import { writeStandInRuntimes, type StandInRuntimes } from '../fixtures/registry-runtimes';
import { startRegistryWorld, type RegistryWorld } from '../fixtures/registry-world';
import { createTestCore } from '../support/app-core-harness';
import { makeTempDir, waitFor } from '../support/chaos';
import { expectContractError } from '../support/contract-error';
import { requireTestKeychain } from '../support/isolated-keyring';

const SECRET = 'fixture-secret-value-7f3a9c';
const originalPath = process.env.PATH;
const originalRegistryUrl = process.env.MCP_TRAY_REGISTRY_URL;

/** Stops what a describe started and gives the worker back its PATH and registry URL. */
async function tearDown(core: AppCore | undefined, registry: FakeRegistry | undefined, temp: { remove: () => Promise<void> } | undefined): Promise<void> {
  await core?.shutdown();
  await registry?.close();
  await temp?.remove();
    process.env.PATH = originalPath;
    if (originalRegistryUrl === undefined) delete process.env.MCP_TRAY_REGISTRY_URL;
    else process.env.MCP_TRAY_REGISTRY_URL = originalRegistryUrl;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('the MCP Registry against a fake registry and stand-in runtimes', () => {
  let world: RegistryWorld;
  let registry: FakeRegistry;
  let runtimes: StandInRuntimes;
  let core: AppCore;
  let dataDir: string;

  beforeAll(async () => {
    world = await startRegistryWorld('registry');
    ({ registry, runtimes, core, dataDir } = world);
  });

  afterEach(() => registry.setUnreachable(false));

  afterAll(() => world?.close());

  it('searches page by page with the registry API, latest versions only', async () => {
    const names: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await core.call('registry.search', { text: 'fixture', ...(cursor ? { cursor } : {}) });
      expect(page.source.offline).toBe(false);
      names.push(...page.results.map((result) => result.name));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(names.sort()).toEqual(Object.values(FIXTURE_NAMES).sort());
    const listed = registry.requests.filter((request) => request.url.pathname === '/v0.1/servers');
    expect(listed.every((request) => request.url.searchParams.get('version') === 'latest' && request.url.searchParams.get('search') === 'fixture')).toBe(true);
    expect(listed[1]?.url.searchParams.get('cursor')).toBeTruthy();
  });

  it('answers a search from the cache, with its age, when the registry cannot be reached', async () => {
    await core.call('registry.search', { text: 'weather-p' });
    registry.setUnreachable(true);
    const offline = await core.call('registry.search', { text: 'weather-p' });
    expect(offline.source.offline).toBe(true);
    expect(offline.source.offlineReason).toMatch(/could not be reached/);
    expect(Date.parse(offline.source.cachedAt ?? '')).toBeLessThanOrEqual(Date.now());
    expect(offline.results.map((result) => result.name)).toEqual([FIXTURE_NAMES.pypi]);
    await expectContractError(core.call('registry.search', { text: 'nothing-cached-like-this' }), 'unavailable');
  });

  it('shows what each kind of package becomes', async () => {
    const npm = (await core.call('registry.show', { name: FIXTURE_NAMES.npm })).entry;
    expect(npm.namespace).toBe('io.github.fixture');
    expect(npm.trustNote).toMatch(/runs code published under "io.github.fixture"/);
    expect(npm.packages[0]).toMatchObject({
      command: 'npx',
      args: ['-y', '--', '@fixture/weather-mcp@1.0.0', '--units', 'celsius'],
      env: { FIXTURE_REGION: 'eu' },
      secretEnv: ['FIXTURE_API_KEY'],
      installable: true,
      verification: 'unverified',
      runtimePath: path.join(runtimes.dir, 'npx'),
    });
    const pypi = (await core.call('registry.show', { name: FIXTURE_NAMES.pypi })).entry;
    expect(pypi.packages[0]).toMatchObject({ command: 'uvx', args: ['fixture-weather-mcp==0.3.1'], installable: true });
    const oci = (await core.call('registry.show', { name: FIXTURE_NAMES.oci })).entry;
    expect(oci.packages[0]).toMatchObject({
      command: 'docker',
      args: ['run', '-i', '--rm', '-e', 'FIXTURE_API_KEY', '-e', 'FIXTURE_REGION', 'docker.io/fixture/weather-mcp:1.2.0'],
      env: { FIXTURE_REGION: 'eu' },
      secretEnv: ['FIXTURE_API_KEY'],
    });
    const hashed = (await core.call('registry.show', { name: FIXTURE_NAMES.npmHashed })).entry;
    expect(hashed.packages[0]?.verification).toBe('verified');
    const remote = (await core.call('registry.show', { name: FIXTURE_NAMES.remote })).entry;
    expect(remote).toMatchObject({ remote: true, installable: false, remotes: [{ type: 'streamable-http', url: 'https://mcp.fixture.example/mcp' }] });
    const mcpb = (await core.call('registry.show', { name: FIXTURE_NAMES.mcpb })).entry;
    expect(mcpb.packages[0]).toMatchObject({ installable: false, command: null });
    expect(mcpb.packages[0]?.whyNot).toMatch(/cannot install mcpb packages yet/);
    await expectContractError(core.call('registry.show', { name: 'io.github.fixture/no-such-server' }), 'not_found');
  });

  it('adds an npm package as a custom server that starts and lists its tools, its secret in the keychain only', async () => {
    const added = await core.call('registry.add', { name: FIXTURE_NAMES.npm, secrets: { FIXTURE_API_KEY: SECRET }, env: { FIXTURE_REGION: 'us' } });
    expect(added.server).toMatchObject({ id: 'weather-npm', kind: 'custom', command: 'npx', secretEnv: ['FIXTURE_API_KEY'], env: { FIXTURE_REGION: 'us' } });
    await waitFor('the added server to run', async () => (await core.call('health.get', { id: 'weather-npm' })).state === 'running');
    const { tools } = await core.call('tools.list', { serverId: 'weather-npm' });
    expect(tools.map((tool) => tool.name)).toContain('get_weather');
    const run = (await runtimes.runs()).find((candidate) => candidate.runtime === 'npx' && candidate.args.includes('@fixture/weather-mcp@1.0.0'));
    expect(run?.args).toEqual(['-y', '--', '@fixture/weather-mcp@1.0.0', '--units', 'celsius']);
    expect(run?.envNames).toContain('FIXTURE_API_KEY');
    const keychain = new KeytarSecretStore(requireTestKeychain().keychainService);
    expect(await keychain.get('weather-npm', 'FIXTURE_API_KEY')).toBe(SECRET);
    await core.logs.flush();
    for (const file of await filesUnder(dataDir)) expect(await readFile(file, 'utf8'), file).not.toContain(SECRET);
  });

  it('gives a second add of the same entry an id of its own', async () => {
    const again = await core.call('registry.add', { name: FIXTURE_NAMES.npm, secrets: { FIXTURE_API_KEY: SECRET } });
    expect(again.server.id).toBe('weather-npm-2');
  });

  it('refuses an add that leaves out a required secret, naming it', async () => {
    const error = await expectContractError(core.call('registry.add', { name: FIXTURE_NAMES.oci }), 'invalid_input');
    expect(error.message).toMatch(/needs FIXTURE_API_KEY/);
  });

  it('runs the npm file it checked against the registry hash', async () => {
    const added = await core.call('registry.add', { name: FIXTURE_NAMES.npmHashed });
    const tarball = path.join(dataDir, 'registry-packages', 'weather-npm-hashed', 'fixture-hashed-mcp-2.0.0.tgz');
    expect(added.package.verification).toBe('verified');
    expect(added.server.args).toEqual(['-y', '--', tarball]);
    await waitFor('the checked server to run', async () => (await core.call('health.get', { id: 'weather-npm-hashed' })).state === 'running');
    const runs = await runtimes.runs();
    expect(runs.some((run) => run.runtime === 'npm' && run.args[0] === 'pack' && run.args.at(-2) === '--' && run.args.at(-1) === '@fixture/hashed-mcp@2.0.0')).toBe(true);
    expect(runs.some((run) => run.runtime === 'npx' && run.args.includes(tarball))).toBe(true);
  });

  it('refuses to add or run a package whose file does not match the registry hash', async () => {
    const error = await expectContractError(core.call('registry.add', { name: FIXTURE_NAMES.npmTampered }), 'failed');
    expect(error.message).toMatch(/does not match the SHA-256/);
    const servers = await core.call('servers.list', {});
    expect(servers.map((server) => server.id)).not.toContain('weather-npm-tampered');
    expect((await runtimes.runs()).some((run) => run.runtime === 'npx' && run.args.some((arg) => arg.includes('tampered')))).toBe(false);
    expect(existsSync(path.join(dataDir, 'registry-packages', 'weather-npm-tampered', 'fixture-tampered-mcp-2.0.0.tgz'))).toBe(false);
  });

  it('refuses a remote-only entry and an mcpb package, saying why', async () => {
    expect((await expectContractError(core.call('registry.add', { name: FIXTURE_NAMES.remote }), 'invalid_input')).message).toMatch(/remote server/);
    expect((await expectContractError(core.call('registry.add', { name: FIXTURE_NAMES.mcpb }), 'invalid_input')).message).toMatch(/cannot install mcpb/);
  });
});

describe('a registry package whose runtime is missing', () => {
  let registry: FakeRegistry;
  let temp: { dir: string; remove: () => Promise<void> };
  let core: AppCore;
  const systemUvx = ['/usr/local/bin/uvx', '/usr/bin/uvx', '/bin/uvx'].find((file) => existsSync(file));

  beforeAll(async () => {
    registry = await startFakeRegistry();
    temp = await makeTempDir('registry-missing');
    const runtimes = await writeStandInRuntimes(path.join(temp.dir, 'bin'), ['npx']);
    process.env.PATH = runtimes.dir;
    process.env.MCP_TRAY_REGISTRY_URL = registry.url;
    ({ core } = await createTestCore(path.join(temp.dir, 'data')));
  });

  afterAll(() => tearDown(core, registry, temp));

  it.skipIf(systemUvx !== undefined)(`says which runtime is missing and how to get it${systemUvx ? ` (skipped: ${systemUvx} exists on this machine)` : ''}`, async () => {
    const shown = (await core.call('registry.show', { name: FIXTURE_NAMES.pypi })).entry.packages[0];
    expect(shown).toMatchObject({ installable: false, runtimePath: null });
    const error = await expectContractError(core.call('registry.add', { name: FIXTURE_NAMES.pypi }), 'unavailable');
    expect(error.message).toMatch(/needs uvx, which was not found/);
    expect(error.message).toMatch(/install uv/);
    expect((await core.call('servers.list', {})).map((server) => server.id)).not.toContain('weather-pypi');
  });
});
