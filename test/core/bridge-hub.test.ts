import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../src/core/app-core';
import type { ToolExposure } from '../../src/core/tool-exposure';
import { EVERY_TOOL_EXPOSED } from '../../src/core/tool-exposure';
import { createTestCore } from '../support/app-core-harness';
import { bridgeProbeServerPath } from '../support/bridge-probe';
import { openRecorded, type RecordingPeer } from '../support/bridge-session';
import { isAlive, makeTempDir, waitFor } from '../support/chaos';
import { textOf } from '../support/mcp-child';

describe('the bridge hub, sessions on one real server process', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let core: AppCore;
  let peers: RecordingPeer[];

  async function startCore(sharing: 'shared' | 'per-session' = 'shared', exposure: ToolExposure = EVERY_TOOL_EXPOSED): Promise<void> {
    ({ core } = await createTestCore(temp.dir, { toolExposure: exposure }));
    await core.call('servers.add', { id: 'probe', name: 'Probe', command: process.execPath, args: [bridgeProbeServerPath], autostart: false, sharing, roots: [temp.dir], secretEnv: ['PROBE_TOKEN'] });
  }

  async function open(client: string, capabilities: Record<string, unknown> = {}): Promise<RecordingPeer> {
    const peer = await openRecorded(core.bridge, { serverId: 'probe', client });
    peers.push(peer);
    await peer.initialize(capabilities, `${client}-app`);
    return peer;
  }

  const uiCall = async (name: string, args: Record<string, unknown> = {}) => textOf((await core.call('tools.call', { serverId: 'probe', name, arguments: args })).result);
  const received = async () => JSON.parse(await uiCall('received')) as { setLevel: string[]; subscribe: string[]; unsubscribe: string[]; cancelled: string[]; rootsChanged: number };
  const resultText = (message: { result?: Record<string, unknown> }) => textOf(message.result);

  beforeEach(async () => {
    temp = await makeTempDir('bridge-hub');
    peers = [];
  });

  afterEach(async () => {
    for (const peer of peers) peer.session.close();
    await core.shutdown();
    await temp.remove();
  });

  it('answers the handshake, ping and the lists itself, starting a stopped server, in lines that start with jsonrpc and id', async () => {
    await startCore();
    const peer = await open('claude-desktop');
    const init = peer.messages.find((message) => message.id === 'init');
    expect(init?.result).toMatchObject({ protocolVersion: '2025-06-18', serverInfo: { name: 'bridge-probe' }, instructions: 'A probe for the bridge tests.', capabilities: { logging: {}, tools: {} } });
    expect(init?.result?.capabilities).not.toHaveProperty('tasks');
    peer.request(2, 'ping');
    peer.request(3, 'tools/list');
    peer.request(4, 'prompts/list');
    peer.request(5, 'tasks/list');
    expect((await peer.answer(2)).result).toEqual({});
    expect(((await peer.answer(3)).result?.tools as Array<{ name: string }>).map((tool) => tool.name)).toContain('slow');
    expect((await peer.answer(4)).result?.prompts).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'greet' })]));
    expect((await peer.answer(5)).error?.code).toBe(-32601);
    for (const line of peer.lines.filter((line) => !line.includes('"method"'))) expect(line).toMatch(/^\{"jsonrpc":"2\.0","id":("[^"]*"|\d+),"(result|error)":/);
    await expect(core.call('servers.get', { id: 'probe' })).resolves.toMatchObject({ health: { state: 'running' } });
  });

  it('keeps ids and progress tokens apart between two sessions that use the same ones', async () => {
    await startCore();
    const [a, b] = [await open('client-a'), await open('client-b')];
    a.request(7, 'tools/call', { name: 'slow', arguments: { ms: 200, steps: 2, label: 'a' }, _meta: { progressToken: 'p' } });
    b.request(7, 'tools/call', { name: 'slow', arguments: { ms: 200, steps: 3, label: 'b' }, _meta: { progressToken: 'p' } });
    expect(resultText(await a.answer(7))).toBe('a done');
    expect(resultText(await b.answer(7))).toBe('b done');
    expect(a.messages.filter((message) => message.id === 7)).toHaveLength(1);
    expect(b.messages.filter((message) => message.id === 7)).toHaveLength(1);
    expect(a.notifications('notifications/progress').map((message) => message.params)).toEqual([
      { progressToken: 'p', progress: 1, total: 2, message: 'a step 1' },
      { progressToken: 'p', progress: 2, total: 2, message: 'a step 2' },
    ]);
    expect(b.notifications('notifications/progress').map((message) => message.params?.message)).toEqual(['b step 1', 'b step 2', 'b step 3']);
  });

  it("cancels only the cancelling session's call, and answers it no more", async () => {
    await startCore();
    const [a, b] = [await open('client-a'), await open('client-b')];
    a.request(1, 'tools/call', { name: 'slow', arguments: { ms: 30_000, steps: 300, label: 'a' }, _meta: { progressToken: 1 } });
    b.request(1, 'tools/call', { name: 'slow', arguments: { ms: 600, steps: 3, label: 'b' }, _meta: { progressToken: 1 } });
    await waitFor("a's call running", () => a.notifications('notifications/progress').length > 0);
    a.write({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 1, reason: 'user pressed stop' } });
    expect(resultText(await b.answer(1))).toBe('b done');
    await waitFor('the server to see the cancellation', async () => (await received()).cancelled.includes('a'));
    expect((await received()).cancelled).toEqual(['a']);
    expect(a.messages.filter((message) => message.id === 1)).toEqual([]);
  });

  it("cancels a closing session's running calls and leaves the other session's alone", async () => {
    await startCore();
    const [a, b] = [await open('client-a'), await open('client-b')];
    a.request(1, 'tools/call', { name: 'slow', arguments: { ms: 30_000, steps: 300, label: 'a' }, _meta: { progressToken: 1 } });
    b.request(1, 'tools/call', { name: 'slow', arguments: { ms: 600, steps: 3, label: 'b' }, _meta: { progressToken: 1 } });
    await waitFor("a's call running", () => a.notifications('notifications/progress').length > 0);
    a.session.close();
    await waitFor('the server to see the cancellation', async () => (await received()).cancelled.includes('a'));
    expect(resultText(await b.answer(1))).toBe('b done');
    expect((await received()).cancelled).toEqual(['a']);
  });

  it('never sends the server a call or a subscription of a session that closed while the server was starting', async () => {
    await startCore();
    const peer = await openRecorded(core.bridge, { serverId: 'probe', client: 'client-gone' });
    peer.request(1, 'tools/call', { name: 'whoami', arguments: {} });
    peer.request(2, 'resources/subscribe', { uri: 'probe://counter' });
    peer.session.close();
    await waitFor('the server running', async () => (await core.call('servers.get', { id: 'probe' })).health.state === 'running');
    expect(await received()).toMatchObject({ subscribe: [] });
    expect(core.logs.query({ serverId: 'probe', limit: 1_000 }).filter((entry) => entry.source === 'call' && entry.fields?.client === 'client-gone')).toEqual([]);
    expect(peer.lines).toEqual([]);
  });

  it('never sends the server a call the client cancelled while the server was starting', async () => {
    await startCore();
    const peer = await open('client-a');
    await core.call('servers.stop', { id: 'probe' });
    void core.call('servers.start', { id: 'probe' });
    peer.request(1, 'tools/call', { name: 'slow', arguments: { ms: 50, steps: 1, label: 'a' } });
    peer.write({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 1, reason: 'changed my mind' } });
    await waitFor('the server running', async () => (await core.call('servers.get', { id: 'probe' })).health.state === 'running');
    peer.request(2, 'tools/call', { name: 'slow', arguments: { ms: 200, steps: 1, label: 'b' } });
    expect(resultText(await peer.answer(2))).toBe('b done');
    expect(peer.messages.filter((message) => message.id === 1)).toEqual([]);
    expect((await core.call('sessions.list', { serverId: 'probe' })).sessions[0]?.calls).toBe(1);
  });

  it("answers a client's initialize at once with why, when the server cannot start", async () => {
    await startCore();
    await core.call('servers.add', { id: 'broken', name: 'Broken', command: process.execPath, args: ['-e', 'process.exit(3)'], autostart: false });
    const peer = await openRecorded(core.bridge, { serverId: 'broken', client: 'client-a' });
    peers.push(peer);
    peer.request('init', 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'client-a-app', version: '1.0.0' } });
    const { error } = await peer.answer('init', 5_000);
    expect(error?.message).toMatch(/^Server "broken" could not start: exited with code 3.*\. See mcp-tray logs broken\.$/);
  });

  it('sends the server a sampling request to the one busy session only, and declines it with a log line when two are busy', async () => {
    await startCore();
    const a = await open('client-a', { sampling: {} });
    const b = await open('client-b', { sampling: {} });
    a.request(1, 'tools/call', { name: 'ask_sampling', arguments: { prompt: 'what is 2+2?' } });
    const asked = await waitFor('the sampling request', () => a.messages.find((message) => message.method === 'sampling/createMessage'));
    expect(asked.params).toMatchObject({ messages: [{ role: 'user', content: { type: 'text', text: 'what is 2+2?' } }] });
    expect(a.lines.find((line) => line.includes('sampling/createMessage'))).toMatch(/^\{"jsonrpc":"2\.0","method":"sampling\/createMessage","params":.*,"id":\d+\}$/);
    a.write({ jsonrpc: '2.0', id: asked.id as number, result: { role: 'assistant', content: { type: 'text', text: 'four' }, model: 'test-model' } });
    expect(resultText(await a.answer(1))).toBe('four');
    expect(b.messages.some((message) => message.method === 'sampling/createMessage')).toBe(false);

    b.request(2, 'tools/call', { name: 'slow', arguments: { ms: 30_000, steps: 300, label: 'b' }, _meta: { progressToken: 'b' } });
    await waitFor("b's call running", () => b.notifications('notifications/progress').length > 0);
    a.request(3, 'tools/call', { name: 'ask_sampling', arguments: { prompt: 'again?' } });
    expect(resultText(await a.answer(3))).toBe('sampling failed: MCP error -32600: Sampling is not available: 2 clients have calls running on this server, so it is not clear which one asked, and no MCP Tray window is open to ask a person');
    expect([...a.messages, ...b.messages].filter((message) => message.method === 'sampling/createMessage')).toHaveLength(1);
    const declined = core.logs.query({ serverId: 'probe', limit: 1_000 }).filter((entry) => entry.level === 'warn' && entry.message.startsWith('sampling/createMessage declined'));
    expect(declined).toHaveLength(1);
  });

  it('declines an elicitation for a busy client that did not declare it, and answers roots from the setting', async () => {
    await startCore();
    const a = await open('client-a');
    a.request(1, 'tools/call', { name: 'ask_elicitation', arguments: { message: 'your name?' } });
    expect(JSON.parse(resultText(await a.answer(1)))).toEqual({ action: 'decline' });
    a.request(2, 'tools/call', { name: 'ask_roots', arguments: {} });
    expect(JSON.parse(resultText(await a.answer(2))).roots).toEqual([expect.objectContaining({ uri: new URL(`file://${temp.dir}`).href })]);
    expect(core.logs.query({ serverId: 'probe', limit: 1_000 }).map((entry) => entry.message)).toContain('elicitation/create declined: client-a, whose call is running, did not declare the elicitation capability, and no MCP Tray window is open to ask a person');
  });

  it('answers roots from the setting as it is now, and tells every process of a per-session server when it changes', async () => {
    await startCore('per-session');
    const a = await open('client-a');
    a.request(1, 'tools/call', { name: 'whoami', arguments: {} });
    await a.answer(1);
    const elsewhere = path.join(temp.dir, 'elsewhere');
    await core.call('servers.setRoots', { id: 'probe', roots: [elsewhere] });
    let asked = 0;
    await waitFor('the roots change at the session process', async () => {
      const id = `received-${++asked}`;
      a.request(id, 'tools/call', { name: 'received', arguments: {} });
      return JSON.parse(resultText(await a.answer(id))).rootsChanged === 1;
    });
    a.request(3, 'tools/call', { name: 'ask_roots', arguments: {} });
    expect(JSON.parse(resultText(await a.answer(3))).roots).toEqual([{ uri: new URL(`file://${elsewhere}`).href, name: 'elsewhere' }]);
  });

  it('tells every session a list changed, after the cached list was refreshed', async () => {
    await startCore();
    const [a, b] = [await open('client-a'), await open('client-b')];
    a.request(1, 'tools/call', { name: 'set_description', arguments: { description: 'changed by the test' } });
    await a.answer(1);
    for (const peer of [a, b]) await waitFor('tools list_changed', () => peer.notifications('notifications/tools/list_changed').length === 1);
    b.request(2, 'tools/list');
    const tools = (await b.answer(2)).result?.tools as Array<{ name: string; description: string }>;
    expect(tools.find((tool) => tool.name === 'described')?.description).toBe('changed by the test');
  });

  it('sends resources/updated to subscribers only, and counts subscriptions towards the server', async () => {
    await startCore();
    const [a, b] = [await open('client-a'), await open('client-b')];
    a.request(1, 'resources/subscribe', { uri: 'probe://counter' });
    expect((await a.answer(1)).result).toEqual({});
    await uiCall('notify_resource', { uri: 'probe://counter' });
    await waitFor('the update at a', () => a.notifications('notifications/resources/updated').length === 1);
    b.request(2, 'resources/subscribe', { uri: 'probe://counter' });
    await b.answer(2);
    a.request(3, 'resources/unsubscribe', { uri: 'probe://counter' });
    await a.answer(3);
    expect(await received()).toMatchObject({ subscribe: ['probe://counter'], unsubscribe: [] });
    await uiCall('notify_resource', { uri: 'probe://counter' });
    await waitFor('the update at b', () => b.notifications('notifications/resources/updated').length === 1);
    expect(a.notifications('notifications/resources/updated')).toHaveLength(1);
    b.session.close();
    await waitFor('the last subscriber gone', async () => (await received()).unsubscribe.length === 1);
  });

  it('keeps a logging level per session, with the server at the lowest one asked for', async () => {
    await startCore();
    const [a, b] = [await open('client-a'), await open('client-b')];
    a.request(1, 'logging/setLevel', { level: 'debug' });
    b.request(1, 'logging/setLevel', { level: 'error' });
    await a.answer(1);
    await b.answer(1);
    expect((await received()).setLevel).toEqual(['debug']);
    await uiCall('log', { level: 'info', message: 'for a only' });
    await uiCall('log', { level: 'error', message: 'for both' });
    await waitFor('both messages at a', () => a.notifications('notifications/message').length === 2);
    await waitFor('the error at b', () => b.notifications('notifications/message').length === 1);
    expect(b.notifications('notifications/message')[0]?.params).toMatchObject({ level: 'error', data: 'for both' });
    a.session.close();
    await waitFor('the level raised to what the manager listens at', async () => (await received()).setLevel.join() === 'debug,info');
  });

  it("keeps the manager's own log view when a client asks for emergency messages only", async () => {
    await startCore();
    const a = await open('client-a');
    a.request(1, 'logging/setLevel', { level: 'emergency' });
    expect((await a.answer(1)).result).toEqual({});
    await uiCall('log', { level: 'warning', message: 'the manager still hears this' });
    await waitFor('the warning in the manager log', () => core.logs.query({ serverId: 'probe', limit: 1_000 }).some((entry) => entry.message.includes('the manager still hears this')));
    expect((await received()).setLevel).toEqual([]);
    expect(a.notifications('notifications/message')).toEqual([]);
  });

  it('fails running calls with a clear error when the server crashes, keeps the sessions, and tells them the lists changed when it is back', async () => {
    await startCore();
    const [a, b] = [await open('client-a'), await open('client-b')];
    a.request(1, 'tools/call', { name: 'slow', arguments: { ms: 30_000, steps: 300, label: 'a' }, _meta: { progressToken: 1 } });
    await waitFor("a's call running", () => a.notifications('notifications/progress').length > 0);
    b.request(1, 'tools/call', { name: 'crash', arguments: {} });
    const failed = await a.answer(1);
    expect(failed.error).toEqual({ code: -32603, message: 'Server "probe" stopped while this request was running; MCP Tray restarts it. Try again in a moment.' });
    for (const peer of [a, b]) {
      for (const kind of ['tools', 'resources', 'prompts']) await waitFor(`${kind} list_changed`, () => peer.notifications(`notifications/${kind}/list_changed`).length === 1);
    }
    a.request(2, 'tools/call', { name: 'whoami', arguments: {} });
    expect(Number(resultText(await a.answer(2)))).toBe((await core.call('servers.get', { id: 'probe' })).health.pid);
    expect(a.closedWith).toBeUndefined();
  });

  it('tells the sessions after a restart only of the lists the server declares', async () => {
    await startCore();
    await core.call('servers.add', { id: 'toolish', name: 'Toolish', command: process.execPath, args: [bridgeProbeServerPath], env: { PROBE_WITHOUT_PROMPTS: '1' }, autostart: false });
    const peer = await openRecorded(core.bridge, { serverId: 'toolish', client: 'client-a' });
    peers.push(peer);
    await peer.initialize();
    expect(peer.messages.find((message) => message.id === 'init')?.result?.capabilities).not.toHaveProperty('prompts');
    peer.request(1, 'tools/call', { name: 'crash', arguments: {} });
    await peer.answer(1);
    for (const kind of ['tools', 'resources']) await waitFor(`${kind} list_changed`, () => peer.notifications(`notifications/${kind}/list_changed`).length === 1);
    expect(peer.notifications('notifications/prompts/list_changed')).toEqual([]);
  });

  it('answers a request that reuses the id of one still running, without counting it as a call', async () => {
    await startCore();
    const a = await open('client-a');
    a.request(1, 'tools/call', { name: 'slow', arguments: { ms: 30_000, steps: 300, label: 'a' }, _meta: { progressToken: 1 } });
    await waitFor("a's call running", () => a.notifications('notifications/progress').length > 0);
    a.request(1, 'tools/call', { name: 'whoami', arguments: {} });
    expect((await a.answer(1)).error).toEqual({ code: -32600, message: 'Request id 1 is already in use by a request that is still running.' });
    expect((await core.call('sessions.list', { serverId: 'probe' })).sessions[0]?.calls).toBe(1);
  });

  it("passes the server's JSON-RPC error on, with a secret it echoes taken out", async () => {
    await startCore();
    const secret = `probe-secret-${process.pid}-value`;
    await core.call('secrets.set', { serverId: 'probe', name: 'PROBE_TOKEN', value: secret });
    const a = await open('client-a');
    a.request(1, 'prompts/get', { name: 'leak', arguments: { name: 'PROBE_TOKEN' } });
    const { error } = await a.answer(1);
    expect(error?.code).toBe(-32603);
    expect(error?.message).toMatch(/failed with/);
    expect(error?.data).toMatchObject({ variable: 'PROBE_TOKEN' });
    expect(a.lines.join('\n')).not.toContain(secret);
  });

  it('refuses a tool the exposure turns off for the client, saying where to turn it on', async () => {
    const exposure: ToolExposure = { ...EVERY_TOOL_EXPOSED, refusal: (_server, client, tool) => (client === 'cursor' && tool === 'whoami' ? 'whoami is turned off for cursor. Turn it on in MCP Tray > Probe > Tools.' : undefined) };
    await startCore('shared', exposure);
    const [cursor, claude] = [await open('cursor'), await open('claude-desktop')];
    cursor.request(1, 'tools/call', { name: 'whoami', arguments: {} });
    claude.request(1, 'tools/call', { name: 'whoami', arguments: {} });
    expect((await cursor.answer(1)).error).toEqual({ code: -32602, message: 'whoami is turned off for cursor. Turn it on in MCP Tray > Probe > Tools.' });
    expect(resultText(await claude.answer(1))).toMatch(/^\d+$/);
  });

  it('lists the sessions with their client, handshake and calls, and says when they change', async () => {
    await startCore();
    const changes: string[] = [];
    core.on('sessions.changed', ({ serverId }) => changes.push(serverId));
    const a = await open('client-a');
    a.request(1, 'tools/call', { name: 'whoami', arguments: {} });
    await a.answer(1);
    const { sessions } = await core.call('sessions.list', { serverId: 'probe' });
    expect(sessions).toEqual([
      expect.objectContaining({ serverId: 'probe', client: 'client-a', clientInfo: { name: 'client-a-app', version: '1.0.0' }, protocolVersion: '2025-06-18', calls: 1, pid: (await core.call('servers.get', { id: 'probe' })).health.pid }),
    ]);
    expect(changes.length).toBeGreaterThan(0);
    const callLines = core.logs.query({ serverId: 'probe', limit: 1_000 }).filter((entry) => entry.source === 'call');
    await waitFor('the call line', () => core.logs.query({ serverId: 'probe', limit: 1_000 }).some((entry) => entry.source === 'call' && entry.fields?.client === 'client-a'));
    expect(callLines.every((entry) => entry.fields?.client !== 'MCP Tray')).toBe(true);
    a.session.close();
    expect((await core.call('sessions.list', {})).sessions).toEqual([]);
  });

  it('gives each session a process of its own for a per-session server, ended with the session', async () => {
    await startCore('per-session');
    const [a, b] = [await open('client-a'), await open('client-b')];
    a.request(1, 'tools/call', { name: 'whoami', arguments: {} });
    b.request(1, 'tools/call', { name: 'whoami', arguments: {} });
    const pidA = Number(resultText(await a.answer(1)));
    const pidB = Number(resultText(await b.answer(1)));
    expect(pidA).not.toBe(pidB);
    const { sessions } = await core.call('sessions.list', {});
    expect(sessions.map((session) => session.pid).sort()).toEqual([pidA, pidB].sort());
    a.session.close();
    await waitFor("a's process to end", () => !isAlive(pidA));
    expect(isAlive(pidB)).toBe(true);
  });

  it('ends the sessions of a server that is removed, saying why', async () => {
    await startCore();
    const a = await open('client-a');
    await core.call('servers.remove', { id: 'probe' });
    expect(a.closedWith).toBe('Server "probe" was removed from MCP Tray.');
    expect((await core.call('sessions.list', {})).sessions).toEqual([]);
  });

  it('refuses to open a session on an unknown or a disabled server', async () => {
    await startCore();
    await expect(core.bridge.openSession({ serverId: 'nope' }, { send: () => {}, close: () => {} })).rejects.toMatchObject({ code: 'not_found' });
    await core.call('servers.setEnabled', { id: 'probe', enabled: false });
    await expect(core.bridge.openSession({ serverId: 'probe' }, { send: () => {}, close: () => {} })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/Enable it in MCP Tray/) });
  });
});
