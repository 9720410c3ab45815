import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../src/core/app-core';
import { KeytarSecretStore } from '../../src/core/secrets';
import { fixtureDocuments, fixtureTarballBytes, startFakeRegistry, type FakeRegistry } from '../fixtures/fake-registry';
import { writeStandInRuntimes, type StandInRuntimes } from '../fixtures/registry-runtimes';
import { createTestCore } from '../support/app-core-harness';
import { makeTempDir, waitFor } from '../support/chaos';
import { requireTestKeychain } from '../support/isolated-keyring';

const NAME = 'io.github.fixture/keyed-hashed';
const SPEC = '@fixture/hashed-mcp@2.0.0';
const originalPath = process.env.PATH;
const originalRegistryUrl = process.env.MCP_TRAY_REGISTRY_URL;

/** A checked npm package that also takes a secret: adding it takes an npm pack and a keychain write. */
function keyedHashedDocument(): Record<string, unknown> {
  return {
    name: NAME,
    description: 'A checked npm package with a secret',
    version: '1.0.0',
    packages: [
      {
        registryType: 'npm',
        identifier: '@fixture/hashed-mcp',
        version: '2.0.0',
        transport: { type: 'stdio' },
        fileSha256: createHash('sha256').update(fixtureTarballBytes(SPEC)).digest('hex'),
        environmentVariables: [{ name: 'FIXTURE_API_KEY', isSecret: true, isRequired: true }],
      },
    ],
  };
}

describe('adding from the registry while the catalog changes', () => {
  let registry: FakeRegistry;
  let temp: { dir: string; remove: () => Promise<void> };
  let runtimes: StandInRuntimes;
  let core: AppCore;
  let dataDir: string;
  const keychain = () => new KeytarSecretStore(requireTestKeychain().keychainService);

  beforeAll(async () => {
    registry = await startFakeRegistry({ documents: [...fixtureDocuments(), keyedHashedDocument()] });
    temp = await makeTempDir('registry-ids');
    runtimes = await writeStandInRuntimes(path.join(temp.dir, 'bin'));
    process.env.PATH = `${runtimes.dir}:${originalPath ?? ''}`;
    process.env.MCP_TRAY_REGISTRY_URL = registry.url;
    dataDir = path.join(temp.dir, 'data');
    ({ core } = await createTestCore(dataDir));
  });

  afterAll(async () => {
    await core?.shutdown();
    await registry?.close();
    await temp?.remove();
    process.env.PATH = originalPath;
    if (originalRegistryUrl === undefined) delete process.env.MCP_TRAY_REGISTRY_URL;
    else process.env.MCP_TRAY_REGISTRY_URL = originalRegistryUrl;
  });

  it('leaves alone the secrets of a server added under the same id while npm pack runs', async () => {
    const gate = path.join(runtimes.dir, 'pack-gate');
    await writeFile(gate, '');
    const adding = core.call('registry.add', { name: NAME, secrets: { FIXTURE_API_KEY: 'registry-value' }, autostart: false });
    await waitFor('npm pack to start', async () => (await runtimes.runs()).some((run) => run.runtime === 'npm' && run.args.includes(SPEC)));
    await core.call('servers.add', { id: 'keyed-hashed', name: 'Meanwhile', command: 'npx', secretEnv: ['FIXTURE_API_KEY'], autostart: false });
    await core.call('secrets.set', { serverId: 'keyed-hashed', name: 'FIXTURE_API_KEY', value: 'meanwhile-value' });
    await rm(gate);
    const added = await adding;
    expect(added.server.id).toBe('keyed-hashed-2');
    expect(added.server.args).toEqual(['-y', '--', path.join(dataDir, 'registry-packages', 'keyed-hashed-2', 'fixture-hashed-mcp-2.0.0.tgz')]);
    expect(await keychain().get('keyed-hashed', 'FIXTURE_API_KEY')).toBe('meanwhile-value');
    expect(await keychain().get('keyed-hashed-2', 'FIXTURE_API_KEY')).toBe('registry-value');
  });

  it('deletes the checked package file when the server is removed', async () => {
    const folder = path.join(dataDir, 'registry-packages', 'keyed-hashed-2');
    expect(existsSync(path.join(folder, 'fixture-hashed-mcp-2.0.0.tgz'))).toBe(true);
    await core.call('servers.remove', { id: 'keyed-hashed-2' });
    expect(existsSync(folder)).toBe(false);
    expect(await keychain().get('keyed-hashed-2', 'FIXTURE_API_KEY')).toBeUndefined();
  });
});
