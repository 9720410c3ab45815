import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../src/core/app-core';
import type { EventPayload } from '../../src/shared/contract';
import { startFakeOpenMeteo, type FakeOpenMeteo } from '../servers/fixtures/weather-fake-open-meteo';
import { createTestCore } from '../support/app-core-harness';
import { chaosServerPath, isAlive, makeTempDir, waitFor } from '../support/chaos';
import { requireTestKeychain } from '../support/isolated-keyring';
import { textOf } from '../support/mcp-child';

describe('AppCore', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let core: AppCore;
  let warnings: string[];

  beforeEach(async () => {
    temp = await makeTempDir('core');
    ({ core, warnings } = await createTestCore(temp.dir));
  });

  afterEach(async () => {
    await core.shutdown();
    await temp.remove();
  });

  const addChaos = (extra: Record<string, unknown> = {}) =>
    core.call('servers.add', { id: 'chaos', name: 'Chaos', command: process.execPath, args: [chaosServerPath], ...extra });

  it('lists the bundled servers, stopped until started', async () => {
    const servers = await core.call('servers.list', {});
    expect(servers.map((server) => [server.id, server.kind, server.health.state])).toEqual([
      ['weather', 'bundled', 'stopped'],
      ['github', 'bundled', 'stopped'],
    ]);
    expect(servers.find((server) => server.id === 'github')?.secretEnv).toEqual(['GITHUB_TOKEN']);
  });

  it('validates every input against the contract and says what is wrong', async () => {
    await expect(core.call('servers.start', { id: 'Not A Slug' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^id: A server id is/) });
    await expect(core.call('servers.start', { id: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(core.call('tools.call', { serverId: 'weather' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('name') });
  });

  it('changes only the fields a servers.update patch gives, keeping the args, env and secrets list', async () => {
    await addChaos({ env: { CHAOS_MODE: 'calm' }, secretEnv: ['CHAOS_TOKEN'], autostart: false });
    const renamed = await core.call('servers.update', { id: 'chaos', patch: { name: 'Calm chaos' } });
    expect(renamed).toMatchObject({ name: 'Calm chaos', args: [chaosServerPath], env: { CHAOS_MODE: 'calm' }, secretEnv: ['CHAOS_TOKEN'], autostart: false });
  });

  it('adds a custom server, runs it, calls its tools and logs the call', async () => {
    const added = await addChaos();
    expect(added.health.state).toBe('running');
    const { tools } = await core.call('tools.list', { serverId: 'chaos' });
    expect(tools.map((tool) => tool.name)).toContain('echo');
    const call = await core.call('tools.call', { serverId: 'chaos', name: 'echo', arguments: { text: 'hello' }, callId: 'call-1' });
    expect(call.callId).toBe('call-1');
    expect(textOf(call.result)).toBe('hello');
    await waitFor('the call in the logs', async () => {
      const { entries } = await core.call('logs.query', { serverId: 'chaos', text: 'echo ok' });
      return entries.some((entry) => entry.source === 'call' && entry.fields?.callId === 'call-1');
    });
    const { resources } = await core.call('resources.list', { serverId: 'chaos' });
    expect(resources.map((resource) => resource.uri)).toEqual(['chaos://status']);
    const read = await core.call('resources.read', { serverId: 'chaos', uri: 'chaos://status' });
    expect(JSON.parse(String((read.contents[0] as { text: string }).text)).pid).toBe(added.health.pid);
    const prompt = await core.call('prompts.get', { serverId: 'chaos', name: 'greet', arguments: { name: 'Ada' } });
    expect(prompt.messages[0]?.content).toEqual({ type: 'text', text: 'Say hello to Ada.' });
  });

  it('forwards a call\'s progress as events, cancels a call by id, and refuses an id already running', async () => {
    await addChaos();
    const progress: EventPayload<'call.progress'>[] = [];
    core.on('call.progress', (event) => progress.push(event));
    const done = await core.call('tools.call', { serverId: 'chaos', name: 'slow', arguments: { steps: 3, stepMs: 20 }, callId: 'steps' });
    expect(textOf(done.result)).toBe('done after 3 steps');
    expect(progress.slice(0, 2)).toEqual([
      { callId: 'steps', serverId: 'chaos', progress: 1, total: 3, message: 'step 1' },
      { callId: 'steps', serverId: 'chaos', progress: 2, total: 3, message: 'step 2' },
    ]);

    const long = core.call('tools.call', { serverId: 'chaos', name: 'slow', arguments: { steps: 1_000, stepMs: 20 }, callId: 'long' });
    await waitFor('the long call to report progress', () => progress.some((event) => event.callId === 'long'));
    await expect(core.call('tools.call', { serverId: 'chaos', name: 'echo', arguments: { text: 'x' }, callId: 'long' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await core.call('calls.cancel', { callId: 'long' })).toEqual({ cancelled: true });
    await expect(long).rejects.toMatchObject({ code: 'cancelled' });
    expect(await core.call('calls.cancel', { callId: 'long' })).toEqual({ cancelled: false });
  });

  it('answers a call with the same duration that its log line gives', async () => {
    await addChaos();
    const call = await core.call('tools.call', { serverId: 'chaos', name: 'echo', arguments: { text: 'timed' }, callId: 'timed' });
    const line = await waitFor('the call in the logs', async () => {
      const { entries } = await core.call('logs.query', { serverId: 'chaos', text: 'echo ok' });
      return entries.find((entry) => entry.fields?.callId === 'timed');
    });
    expect(line.fields?.durationMs).toBe(call.durationMs);
  });

  it('shares its server definitions read-only: a caller cannot change the manager\'s copy through a result', async () => {
    await addChaos({ env: { MODE: 'calm' } });
    const first = await core.call('servers.get', { id: 'chaos' });
    expect(() => {
      first.env.MODE = 'changed';
    }).toThrow(TypeError);
    expect((await core.call('servers.get', { id: 'chaos' })).env).toEqual({ MODE: 'calm' });
  });

  it('gives every call without an id one of its own', async () => {
    await addChaos();
    const calls = await Promise.all([1, 2, 3].map((n) => core.call('tools.call', { serverId: 'chaos', name: 'echo', arguments: { text: String(n) } })));
    expect(new Set(calls.map((call) => call.callId)).size).toBe(3);
  });

  it('refuses a custom server whose command does not exist, naming it', async () => {
    await expect(core.call('servers.add', { id: 'ghost', name: 'Ghost', command: 'no-such-mcp-server-cmd' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('Command "no-such-mcp-server-cmd" was not found'),
    });
    await addChaos();
    await expect(addChaos()).rejects.toMatchObject({ code: 'conflict' });
    await expect(core.call('servers.remove', { id: 'weather' })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('deletes a removed server\'s log files, as the Remove dialog says', async () => {
    await addChaos();
    const logDir = path.join(temp.dir, 'logs');
    const logFiles = async () => (await readdir(logDir).catch(() => [])).filter((name) => name.startsWith('chaos.'));
    await waitFor('the log file on disk', async () => (await logFiles()).includes('chaos.jsonl'));
    await core.call('servers.remove', { id: 'chaos' });
    expect(await logFiles()).toEqual([]);
    expect(await readdir(logDir)).not.toContain('chaos.jsonl');
  });

  it('says a server\'s "MCP error <code>:" prefix once', async () => {
    await addChaos();
    const failure = await core.call('resources.read', { serverId: 'chaos', uri: 'chaos://no-such-resource' }).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(failure?.message).toMatch(/^MCP error -\d+: (?!MCP error)/);
    expect(failure?.message).toContain('chaos://no-such-resource');
  });

  it('keeps a secret in the keychain only, injects it at start and redacts it from logs', async () => {
    await addChaos({ secretEnv: ['API_KEY'] });
    const secret = 'chaos-api-key-7f3a9c2e';
    await core.call('secrets.set', { serverId: 'chaos', name: 'API_KEY', value: secret });
    const listed = await core.call('secrets.list', { serverId: 'chaos' });
    expect(listed.secrets).toEqual([{ serverId: 'chaos', name: 'API_KEY', isSet: true }]);
    expect(listed.keychainService).toBe(requireTestKeychain().keychainService);
    // Setting it restarted the server, which now has it in its environment.
    const echoed = await core.call('tools.call', { serverId: 'chaos', name: 'echo_env', arguments: { names: ['API_KEY'] } });
    expect(echoed.result.structuredContent).toEqual({ API_KEY: secret });
    await waitFor('the echo on stderr', async () => (await core.call('logs.query', { serverId: 'chaos', text: 'env:' })).entries.length > 0);
    const { entries } = await core.call('logs.query', { serverId: 'chaos' });
    expect(JSON.stringify(entries)).not.toContain(secret);
    expect(await readFile(path.join(temp.dir, 'settings.json'), 'utf8')).not.toContain(secret);
    await core.call('secrets.delete', { serverId: 'chaos', name: 'API_KEY' });
    const after = await core.call('tools.call', { serverId: 'chaos', name: 'echo_env', arguments: { names: ['API_KEY'] } });
    expect(after.result.structuredContent).toEqual({ API_KEY: null });
    await expect(core.call('secrets.set', { serverId: 'chaos', name: 'OTHER', value: 'x' })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('starts a server with a minimal environment, not the manager\'s', async () => {
    process.env.MCP_TRAY_TEST_LEAK = 'should-not-reach-children';
    try {
      await addChaos({ env: { PLAIN: 'yes' } });
      const keys = JSON.parse(textOf((await core.call('tools.call', { serverId: 'chaos', name: 'env_keys', arguments: {} })).result)) as string[];
      expect(keys).toContain('PLAIN');
      expect(keys).toContain('PATH');
      expect(keys).not.toContain('MCP_TRAY_TEST_LEAK');
      expect(keys).not.toContain('DBUS_SESSION_BUS_ADDRESS');
    } finally {
      delete process.env.MCP_TRAY_TEST_LEAK;
    }
  });

  it('runs the bundled weather server pointed at another upstream through servers.setEnv', async () => {
    const upstream: FakeOpenMeteo = await startFakeOpenMeteo();
    try {
      await core.call('servers.setEnv', { id: 'weather', env: { WEATHER_API_URL: upstream.url, GEOCODING_API_URL: upstream.url } });
      expect((await core.call('servers.start', { id: 'weather' })).state).toBe('running');
      const call = await core.call('tools.call', { serverId: 'weather', name: 'get_weather', arguments: { location: 'Berlin' } });
      expect(call.result.isError).toBeFalsy();
      expect(textOf(call.result)).toContain('Berlin');
      expect(upstream.requests.length).toBeGreaterThan(0);
    } finally {
      await upstream.close();
    }
  });

  it('emits health events, and disabling a server stops it and keeps it from starting', async () => {
    const states: string[] = [];
    core.on('server.health', (health) => {
      if (health.serverId === 'chaos') states.push(health.state);
    });
    const { health } = await addChaos();
    await core.call('servers.setEnabled', { id: 'chaos', enabled: false });
    expect(isAlive(health.pid as number)).toBe(false);
    expect(states).toEqual(['starting', 'running', 'stopped']);
    await expect(core.call('servers.start', { id: 'chaos' })).rejects.toMatchObject({ code: 'conflict', message: 'Server "chaos" is disabled. Enable it first.' });
  });

  it('restarts a crashed server and reports it through health', async () => {
    const { health } = await addChaos();
    await core.call('tools.call', { serverId: 'chaos', name: 'crash', arguments: { code: 9 } }).catch(() => undefined);
    const restarted = await waitFor('restart', async () => {
      const current = await core.call('health.get', { id: 'chaos' });
      return current.state === 'running' && current.pid !== health.pid ? current : undefined;
    });
    expect(restarted.restartCount).toBe(1);
    expect(restarted.lastExit?.code).toBe(9);
  });

  it('leaves no child running after shutdown', async () => {
    const chaos = await addChaos();
    const upstream = await startFakeOpenMeteo();
    await core.call('servers.setEnv', { id: 'weather', env: { WEATHER_API_URL: upstream.url } });
    const weather = await core.call('servers.start', { id: 'weather' });
    await core.shutdown();
    await upstream.close();
    expect(isAlive(chaos.health.pid as number)).toBe(false);
    expect(isAlive(weather.pid as number)).toBe(false);
  });

  it('tells settings.changed subscribers of each saved settings change, with the saved values', async () => {
    const changes: EventPayload<'settings.changed'>[] = [];
    core.on('settings.changed', (settings) => changes.push(settings));
    await core.call('settings.update', { startAtLogin: true });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ startAtLogin: true, healthIntervalMs: 15_000 });
  });

  it('stays quiet on settings.changed for other methods and for refused updates', async () => {
    const changes: EventPayload<'settings.changed'>[] = [];
    core.on('settings.changed', (settings) => changes.push(settings));
    await core.call('settings.get', {});
    await core.call('servers.setAutostart', { id: 'weather', autostart: false });
    await expect(core.call('settings.update', { healthIntervalMs: 5 })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(changes).toEqual([]);
  });

  it('returns the saved settings even when a settings.changed subscriber throws', async () => {
    core.on('settings.changed', () => {
      throw new Error('no login items here');
    });
    await expect(core.call('settings.update', { startAtLogin: true })).resolves.toMatchObject({ startAtLogin: true });
  });

  it('settings survive a restart of the manager, and a corrupt settings file does not stop it', async () => {
    await addChaos({ autostart: false });
    await core.call('settings.update', { healthIntervalMs: 5_000 });
    await core.shutdown();
    ({ core, warnings } = await createTestCore(temp.dir));
    expect((await core.call('servers.get', { id: 'chaos' })).autostart).toBe(false);
    expect((await core.call('settings.get', {})).healthIntervalMs).toBe(5_000);
    await core.shutdown();

    await writeFile(path.join(temp.dir, 'settings.json'), '{ "app": { broken');
    ({ core, warnings } = await createTestCore(temp.dir));
    expect(warnings.join('\n')).toMatch(/settings\.json\.corrupt-/);
    expect((await core.call('servers.list', {})).map((server) => server.id)).toEqual(['weather', 'github']);
  });
});

describe('AppCore with the keychain unavailable', () => {
  it('says so plainly and stores nothing elsewhere', async () => {
    const temp = await makeTempDir('core-nokeychain');
    const { InMemorySecretStore } = await import('../support/in-memory-secret-store');
    const { core } = await createTestCore(temp.dir, { secrets: new InMemorySecretStore({ unavailable: true }) });
    try {
      await expect(core.call('secrets.set', { serverId: 'github', name: 'GITHUB_TOKEN', value: 'ghp_notstored' })).rejects.toMatchObject({ code: 'unavailable' });
      await mkdir(temp.dir, { recursive: true });
      expect(await readFile(path.join(temp.dir, 'settings.json'), 'utf8').catch(() => '')).not.toContain('ghp_notstored');
    } finally {
      await core.shutdown();
      await temp.remove();
    }
  });
});
