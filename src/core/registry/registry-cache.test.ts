import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REGISTRY_CACHE_FILE_NAME, RegistryCache } from './registry-cache';

const entry = (name: string) => ({ server: { name, description: 'd', version: '1.0.0' } });

describe('RegistryCache', () => {
  let dir: string;
  const warnings: string[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'mcp-tray-registry-cache-'));
    warnings.length = 0;
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps what it saw across runs, with when it was fetched', async () => {
    await RegistryCache.inDataDir(dir, 'http://registry.test', (message) => warnings.push(message)).remember([entry('io.a/one'), entry('io.a/two')], new Date('2026-01-01T00:00:00Z'));
    const reopened = RegistryCache.inDataDir(dir, 'http://registry.test', (message) => warnings.push(message));
    expect(await reopened.search('TWO')).toEqual({ entries: [entry('io.a/two')], fetchedAt: '2026-01-01T00:00:00.000Z' });
    expect((await RegistryCache.inDataDir(dir, 'http://other.test', () => undefined).search('')).entries).toEqual([]);
  });

  it('moves an unreadable file aside, byte for byte, and starts afresh', async () => {
    const file = path.join(dir, REGISTRY_CACHE_FILE_NAME);
    await writeFile(file, '{ not json');
    const cache = RegistryCache.inDataDir(dir, 'http://registry.test', (message) => warnings.push(message));
    expect((await cache.search('')).entries).toEqual([]);
    const aside = (await readdir(dir)).find((name) => name.startsWith(`${REGISTRY_CACHE_FILE_NAME}.corrupt-`));
    expect(aside).toBeDefined();
    expect(await readFile(path.join(dir, aside ?? ''), 'utf8')).toBe('{ not json');
    expect(warnings.join('\n')).toMatch(/moved to/);
    await cache.remember([entry('io.a/one')]);
    expect(JSON.parse(await readFile(file, 'utf8')).entries['io.a/one']).toBeDefined();
  });
});
