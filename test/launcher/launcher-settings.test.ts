/** The launcher's own light settings reader agrees with the manager's settings schema, which it does not import. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../src/core/settings';
import { findLaunchDefinition, readLauncherSettings } from '../../src/launcher/settings';
import { makeTempDir } from '../support/chaos';

describe('launcher settings', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => {
    temp = await makeTempDir('launcher-settings');
  });
  afterEach(() => temp.remove());

  it('reads what the manager wrote: bundled overrides and custom servers', async () => {
    const store = SettingsStore.open({ dir: temp.dir });
    store.update((current) => ({
      ...current,
      servers: { weather: { env: { WEATHER_API_URL: 'http://127.0.0.1:1' } } },
      customServers: [{ id: 'memory', name: 'Memory', command: 'npx', args: ['-y', 'x'], env: { A: '1' }, secretEnv: ['API_KEY'], enabled: true, autostart: false }],
    }));
    const { settings, problem } = await readLauncherSettings(temp.dir);
    expect(problem).toBeUndefined();
    expect(findLaunchDefinition(settings, 'weather', '/srv')).toEqual({
      kind: 'bundled',
      id: 'weather',
      entryFile: path.join('/srv', 'weather.js'),
      env: { WEATHER_API_URL: 'http://127.0.0.1:1' },
      secretEnv: [],
    });
    expect(findLaunchDefinition(settings, 'github', '/srv')).toMatchObject({ kind: 'bundled', secretEnv: ['GITHUB_TOKEN'], env: {} });
    expect(findLaunchDefinition(settings, 'memory', '/srv')).toEqual({ kind: 'custom', id: 'memory', command: 'npx', args: ['-y', 'x'], env: { A: '1' }, secretEnv: ['API_KEY'] });
    expect(findLaunchDefinition(settings, 'nothing', '/srv')).toBeUndefined();
  });

  it('uses defaults, and says why, when the file is missing or broken', async () => {
    expect(await readLauncherSettings(temp.dir)).toEqual({ settings: {} });
    await writeFile(path.join(temp.dir, 'settings.json'), '{ broken');
    const broken = await readLauncherSettings(temp.dir);
    expect(broken.settings).toEqual({});
    expect(broken.problem).toContain('is not valid JSON; using default settings');
    await writeFile(path.join(temp.dir, 'settings.json'), '{ "customServers": "no" }');
    expect((await readLauncherSettings(temp.dir)).problem).toContain('does not look like MCP Tray settings');
  });
});
