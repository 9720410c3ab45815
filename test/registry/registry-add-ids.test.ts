import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../src/core/secrets';
import { fixtureDocuments, fixtureTarballBytes } from '../fixtures/fake-registry';
import { startRegistryWorld, type RegistryWorld } from '../fixtures/registry-world';
import { waitFor } from '../support/chaos';
import { requireTestKeychain } from '../support/isolated-keyring';

const NAME = 'io.github.fixture/keyed-hashed';
const SPEC = '@fixture/hashed-mcp@2.0.0';

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
  let world: RegistryWorld;
  const keychain = () => new KeytarSecretStore(requireTestKeychain().keychainService);

  beforeAll(async () => {
    world = await startRegistryWorld('registry-ids', [...fixtureDocuments(), keyedHashedDocument()]);
  });

  afterAll(() => world?.close());

  it('leaves alone the secrets of a server added under the same id while npm pack runs', async () => {
    const gate = path.join(world.runtimes.dir, 'pack-gate');
    await writeFile(gate, '');
    const adding = world.core.call('registry.add', { name: NAME, secrets: { FIXTURE_API_KEY: 'registry-value' }, autostart: false });
    await waitFor('npm pack to start', async () => (await world.runtimes.runs()).some((run) => run.runtime === 'npm' && run.args.includes(SPEC)));
    await world.core.call('servers.add', { id: 'keyed-hashed', name: 'Meanwhile', command: 'npx', secretEnv: ['FIXTURE_API_KEY'], autostart: false });
    await world.core.call('secrets.set', { serverId: 'keyed-hashed', name: 'FIXTURE_API_KEY', value: 'meanwhile-value' });
    await rm(gate);
    const added = await adding;
    expect(added.server.id).toBe('keyed-hashed-2');
    expect(added.server.args).toEqual(['-y', '--', path.join(world.dataDir, 'registry-packages', 'keyed-hashed-2', 'fixture-hashed-mcp-2.0.0.tgz')]);
    expect(await keychain().get('keyed-hashed', 'FIXTURE_API_KEY')).toBe('meanwhile-value');
    expect(await keychain().get('keyed-hashed-2', 'FIXTURE_API_KEY')).toBe('registry-value');
  });

  it('deletes the checked package file when the server is removed', async () => {
    const folder = path.join(world.dataDir, 'registry-packages', 'keyed-hashed-2');
    expect(existsSync(path.join(folder, 'fixture-hashed-mcp-2.0.0.tgz'))).toBe(true);
    await world.core.call('servers.remove', { id: 'keyed-hashed-2' });
    expect(existsSync(folder)).toBe(false);
    expect(await keychain().get('keyed-hashed-2', 'FIXTURE_API_KEY')).toBeUndefined();
  });
});
