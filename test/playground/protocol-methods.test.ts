import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../src/core/app-core';
import type { EventPayload } from '../../src/shared/contract';
import { createTestCore } from '../support/app-core-harness';
import { openRecorded, type RecordingPeer } from '../support/bridge-session';
import { makeTempDir, waitFor } from '../support/chaos';
import { expectContractError } from '../support/contract-error';
import { textOf } from '../support/mcp-child';
import { playgroundServerPath } from '../support/playground-fixture';

const ID = 'fixture';
const NOTE = 'note://live';

interface ServerView {
  subscribed: string[];
  received: string[];
  level: string | null;
}

describe('the playground protocol methods, against a real server process', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let core: AppCore;
  let peers: RecordingPeer[];
  let updates: EventPayload<'resources.updated'>[];

  const uiCall = async (name: string, args: Record<string, unknown> = {}) => textOf((await core.call('tools.call', { serverId: ID, name, arguments: args })).result);
  const serverView = async () => JSON.parse(await uiCall('subscriptions')) as ServerView;
  const mcpLines = () => core.logs.query({ serverId: ID, limit: 1_000 }).filter((entry) => entry.source === 'mcp').map((entry) => entry.message);

  async function open(client: string): Promise<RecordingPeer> {
    const peer = await openRecorded(core.bridge, { serverId: ID, client });
    peers.push(peer);
    await peer.initialize({}, client);
    return peer;
  }

  beforeEach(async () => {
    temp = await makeTempDir('playground-protocol');
    peers = [];
    updates = [];
    ({ core } = await createTestCore(temp.dir));
    core.on('resources.updated', (payload) => updates.push(payload));
    await core.call('servers.add', { id: ID, name: 'Fixture', command: process.execPath, args: [playgroundServerPath], autostart: false, sharing: 'shared' });
    await core.call('servers.start', { id: ID });
  });

  afterEach(async () => {
    for (const peer of peers) peer.session.close();
    await core.shutdown();
    await temp.remove();
  });

  it("reports what the running server declared in its handshake, and refuses while it is stopped", async () => {
    const protocol = await core.call('servers.protocol', { id: ID });
    expect(protocol).toMatchObject({
      serverId: ID,
      serverInfo: { name: 'playground-fixture', version: '1.0.0' },
      instructions: 'A fixture for the playground protocol tests.',
      capabilities: { completions: {}, logging: {}, resources: { subscribe: true } },
      logLevel: 'info',
      subscriptions: [],
    });
    expect(protocol.protocolVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await core.call('servers.stop', { id: ID });
    await expectContractError(core.call('servers.protocol', { id: ID }), 'not_running');
  });

  it("hands on a result that breaks the tool's own output schema as the server sent it, to the UI and to a bridged client", async () => {
    const { result } = await core.call('tools.call', { serverId: ID, name: 'broken_output', arguments: {} });
    expect(result.structuredContent).toEqual({ temperature: 'warm' });
    const peer = await open('client-a');
    peer.request(1, 'tools/call', { name: 'broken_output', arguments: {} });
    expect((await peer.answer(1)).result?.structuredContent).toEqual({ temperature: 'warm' });
  });

  it('completes a prompt argument and a resource-template variable through the server', async () => {
    const city = await core.call('completions.complete', { serverId: ID, ref: { type: 'ref/prompt', name: 'trip' }, argument: { name: 'city', value: 'Ber' } });
    expect(city.completion.values).toEqual(['Berlin', 'Bern', 'Bergen']);
    const fruit = await core.call('completions.complete', { serverId: ID, ref: { type: 'ref/resource', uri: 'fruit://{name}' }, argument: { name: 'name', value: 'ap' }, context: { arguments: {} } });
    expect(fruit.completion.values).toEqual(['apple', 'apricot']);
    await expectContractError(core.call('completions.complete', { serverId: ID, ref: { type: 'ref/prompt', name: 'no-such-prompt' }, argument: { name: 'city', value: '' } }), 'failed');
  });

  it('refuses completions of a server that does not declare them', async () => {
    await core.call('servers.add', { id: 'plain', name: 'Plain', command: process.execPath, args: ['-e', PLAIN_SERVER], autostart: false, sharing: 'shared' });
    await core.call('servers.start', { id: 'plain' });
    const error = await expectContractError(core.call('completions.complete', { serverId: 'plain', ref: { type: 'ref/prompt', name: 'x' }, argument: { name: 'a', value: '' } }), 'unavailable');
    expect(error.message).toContain('does not declare the completions capability');
    await expectContractError(core.call('resources.subscribe', { serverId: 'plain', uri: 'x://y' }), 'unavailable');
  });

  it('subscribes the UI as one more session: the server is told once, bridged sessions keep theirs, and it is renewed after a restart', async () => {
    const peer = await open('client-a');
    peer.request(1, 'resources/subscribe', { uri: NOTE });
    await peer.answer(1);
    await core.call('resources.subscribe', { serverId: ID, uri: NOTE });
    expect((await serverView()).received).toEqual([`subscribe ${NOTE}`]);
    expect((await core.call('servers.protocol', { id: ID })).subscriptions).toEqual([NOTE]);

    await uiCall('bump_note');
    await waitFor('the UI told of the update', () => updates.length === 1);
    expect(updates).toEqual([{ serverId: ID, uri: NOTE }]);
    await waitFor('the bridged session told too', () => peer.notifications('notifications/resources/updated').length === 1);

    await core.call('resources.unsubscribe', { serverId: ID, uri: NOTE });
    expect((await serverView()).received).toEqual([`subscribe ${NOTE}`]);
    await uiCall('bump_note');
    await waitFor('the bridged session told again', () => peer.notifications('notifications/resources/updated').length === 2);
    expect(updates).toHaveLength(1);

    await core.call('resources.subscribe', { serverId: ID, uri: NOTE });
    await core.call('servers.restart', { id: ID });
    await waitFor('the subscription renewed on the new process', async () => (await serverView()).subscribed.includes(NOTE));
    await uiCall('bump_note');
    await waitFor('the UI told of the update after the restart', () => updates.length === 2);
  });

  it("runs the server at the lowest level anyone asked for, and keeps in the manager's log only what the UI asked for", async () => {
    await uiCall('log', { level: 'debug', message: 'debug before' });
    await uiCall('log', { level: 'info', message: 'info before' });
    await waitFor('the info line logged', () => mcpLines().includes('info before'));
    expect(mcpLines()).not.toContain('debug before');

    await core.call('logs.setServerLevel', { serverId: ID, level: 'debug' });
    expect((await serverView()).level).toBe('debug');
    await uiCall('log', { level: 'debug', message: 'debug after' });
    await waitFor('the debug line logged', () => mcpLines().includes('debug after'));

    const peer = await open('client-a');
    peer.request(1, 'logging/setLevel', { level: 'debug' });
    await peer.answer(1);
    await core.call('logs.setServerLevel', { serverId: ID, level: 'warning' });
    expect((await serverView()).level).toBe('debug');
    await uiCall('log', { level: 'info', message: 'info for the client' });
    await uiCall('log', { level: 'error', message: 'error for everyone' });
    await waitFor('the error line logged', () => mcpLines().includes('error for everyone'));
    expect(mcpLines()).not.toContain('info for the client');
    await waitFor('the client got both', () => peer.notifications('notifications/message').length === 2);
    expect((await core.call('servers.protocol', { id: ID })).logLevel).toBe('warning');

    peer.session.close();
    await waitFor('the server back at the UI level', async () => (await serverView()).level === 'warning');
  });

  it('sets a level chosen while the server is stopped once it starts', async () => {
    await core.call('servers.stop', { id: ID });
    await core.call('logs.setServerLevel', { serverId: ID, level: 'error' });
    await core.call('servers.start', { id: ID });
    await waitFor('the level applied', async () => (await serverView()).level === 'error');
  });
});

/** A server that declares tools only: no completions, no resource subscriptions. */
const PLAIN_SERVER = `
const { stdin, stdout } = process;
let buffer = '';
stdin.on('data', (chunk) => {
  buffer += chunk;
  let end;
  while ((end = buffer.indexOf('\\n')) >= 0) {
    const message = JSON.parse(buffer.slice(0, end));
    buffer = buffer.slice(end + 1);
    if (message.id === undefined) continue;
    const result = message.method === 'initialize'
      ? { protocolVersion: message.params.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: 'plain', version: '1' } }
      : message.method === 'tools/list' ? { tools: [] } : {};
    stdout.write(JSON.stringify({ jsonrpc: '2.0', id: message.id, result }) + '\\n');
  }
});
`;
