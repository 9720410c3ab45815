/**
 * A real server's sampling and elicitation requests through the manager: a bridged client that can
 * answer still gets them; otherwise, while a window is open, they wait for a person on the desk,
 * who answers, rejects or lets them time out; with no window they are declined and the log says why.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../src/core/app-core';
import type { PendingServerRequest } from '../../src/shared/server-requests-contract';
import { createTestCore } from '../support/app-core-harness';
import { bridgeProbeServerPath } from '../support/bridge-probe';
import { openRecorded, type RecordingPeer } from '../support/bridge-session';
import { makeTempDir, waitFor } from '../support/chaos';
import { textOf } from '../support/mcp-child';

describe('server requests answered in MCP Tray', { timeout: 60_000 }, () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let core: AppCore;
  let closeWindow: () => void;
  let peers: RecordingPeer[];

  beforeEach(async () => {
    temp = await makeTempDir('server-requests');
    peers = [];
    ({ core } = await createTestCore(temp.dir));
    await core.call('servers.add', { id: 'probe', name: 'Probe', command: process.execPath, args: [bridgeProbeServerPath], autostart: false, sharing: 'shared' });
    await core.call('servers.start', { id: 'probe' });
    closeWindow = core.serverRequests.attachWindow();
  });

  afterEach(async () => {
    for (const peer of peers) peer.session.close();
    await core.shutdown();
    await temp.remove();
  });

  /** Starts a tool call from the UI; its text once it ends. */
  const uiCall = (name: string, args: Record<string, unknown>) => core.call('tools.call', { serverId: 'probe', name, arguments: args }).then((answer) => textOf(answer.result));
  const waitingRequest = () => waitFor('a request waiting for a person', async () => (await core.call('serverRequests.list', {})).requests[0]);
  const warnings = () => core.logs.query({ serverId: 'probe', limit: 1_000 }).filter((entry) => entry.level === 'warn').map((entry) => entry.message);

  async function openSession(client: string, capabilities: Record<string, unknown>): Promise<RecordingPeer> {
    const peer = await openRecorded(core.bridge, { serverId: 'probe', client });
    peers.push(peer);
    await peer.initialize(capabilities, client);
    return peer;
  }

  it('puts a sampling request before the person and hands the typed reply to the server', async () => {
    const changes: PendingServerRequest[][] = [];
    core.on('serverRequests.changed', ({ requests }) => changes.push(requests));
    const result = uiCall('ask_sampling', { prompt: 'What is 2+2?' });
    const waiting = await waitingRequest();
    expect(waiting).toMatchObject({ serverId: 'probe', method: 'sampling/createMessage', cause: null, params: { maxTokens: 100, messages: [{ role: 'user', content: { type: 'text', text: 'What is 2+2?' } }] } });
    await expect(core.call('serverRequests.answer', { id: waiting.id, result: { role: 'assistant', content: { type: 'text', text: 'four' } } })).rejects.toThrow(/not a sampling reply: model/);
    await core.call('serverRequests.answer', { id: waiting.id, result: { role: 'assistant', model: 'a person', content: { type: 'text', text: 'four' } } });
    expect(await result).toBe('four');
    expect(changes.map((requests) => requests.map((request) => request.id))).toEqual([[waiting.id], []]);
  });

  it('hands an accepted form to the server, and declines when the person rejects', async () => {
    const accepted = uiCall('ask_elicitation', { message: 'Your name?' });
    const form = await waitingRequest();
    expect(form).toMatchObject({ method: 'elicitation/create', params: { message: 'Your name?', requestedSchema: { properties: { name: { type: 'string' } } } } });
    await expect(core.call('serverRequests.answer', { id: form.id, result: { action: 'accept', content: { name: 7 } } })).rejects.toThrow(/does not match what the server asked for/);
    await core.call('serverRequests.answer', { id: form.id, result: { action: 'accept', content: { name: 'Ada' } } });
    expect(JSON.parse(await accepted)).toEqual({ action: 'accept', content: { name: 'Ada' } });

    const declined = uiCall('ask_elicitation', { message: 'Again?' });
    await core.call('serverRequests.answer', { id: (await waitingRequest()).id, reject: 'no' });
    expect(JSON.parse(await declined)).toEqual({ action: 'decline' });

    const rejected = uiCall('ask_sampling', { prompt: 'Write me a poem' });
    await core.call('serverRequests.answer', { id: (await waitingRequest()).id, reject: 'not now' });
    expect(await rejected).toBe('sampling failed: MCP error -1: User rejected sampling request: not now');
  });

  it('times out unanswered after the setting: an error for sampling, cancel for elicitation', async () => {
    await core.call('settings.update', { serverRequestTimeoutMs: 1_000 });
    expect(await uiCall('ask_sampling', { prompt: 'Anyone?' })).toBe('sampling failed: MCP error -32001: Nobody answered the sampling request in MCP Tray within 1 s.');
    expect(JSON.parse(await uiCall('ask_elicitation', { message: 'Anyone?' }))).toEqual({ action: 'cancel' });
    expect(warnings()).toContain('sampling/createMessage timed out: nobody answered in MCP Tray within 1 s');
    expect((await core.call('serverRequests.list', {})).requests).toEqual([]);
  });

  it('keeps the call that asked alive past its deadline while the person answers', async () => {
    await core.call('settings.update', { callTimeoutMs: 1_000 });
    const result = uiCall('ask_sampling', { prompt: 'Take your time' });
    result.catch(() => {});
    const waiting = await waitingRequest();
    // A call on another process, started after the request arrived, timing out: the asking call's deadline has passed too.
    await core.call('servers.add', { id: 'witness', name: 'Witness', command: process.execPath, args: [bridgeProbeServerPath], autostart: false, sharing: 'shared' });
    await core.call('servers.start', { id: 'witness' });
    await expect(core.call('tools.call', { serverId: 'witness', name: 'slow', arguments: { ms: 60_000 } })).rejects.toThrow(/did not answer in time/);
    await core.call('serverRequests.answer', { id: waiting.id, result: { role: 'assistant', model: 'a person', content: { type: 'text', text: 'in the end' } } });
    expect(await result).toBe('in the end');
  });

  it('ends a waiting request when its server stops', async () => {
    const result = uiCall('ask_sampling', { prompt: 'Still there?' });
    result.catch(() => {});
    const waiting = await waitingRequest();
    await core.call('servers.stop', { id: 'probe' });
    await waitFor('the request to end', async () => (await core.call('serverRequests.list', {})).requests.length === 0);
    await expect(core.call('serverRequests.answer', { id: waiting.id, reject: '' })).rejects.toThrow(/no longer waiting/);
    expect(core.logs.query({ serverId: 'probe', limit: 1_000 }).map((entry) => entry.message)).toContain('sampling/createMessage withdrawn: the server cancelled it or stopped before anyone answered');
  });

  it('still sends the request to the one busy client that can answer it, and to the person when that client cannot', async () => {
    const able = await openSession('able-client', { sampling: {} });
    able.request(1, 'tools/call', { name: 'ask_sampling', arguments: { prompt: 'for the client' } });
    const asked = await waitFor('the client to be asked', () => able.messages.find((message) => message.method === 'sampling/createMessage'));
    expect((await core.call('serverRequests.list', {})).requests).toEqual([]);
    able.write({ jsonrpc: '2.0', id: asked.id as number, result: { role: 'assistant', content: { type: 'text', text: 'from the client' }, model: 'm' } });
    expect(textOf((await able.answer(1)).result)).toBe('from the client');

    const unable = await openSession('unable-client', {});
    unable.request(2, 'tools/call', { name: 'ask_elicitation', arguments: { message: 'Name?' } });
    const waiting = await waitingRequest();
    const { sessions } = await core.call('sessions.list', { serverId: 'probe' });
    expect(waiting.cause).toEqual({ sessionId: sessions.find((session) => session.client === 'unable-client')?.sessionId, client: 'unable-client' });
    await core.call('serverRequests.answer', { id: waiting.id, result: { action: 'accept', content: { name: 'Grace' } } });
    expect(JSON.parse(textOf((await unable.answer(2)).result))).toEqual({ action: 'accept', content: { name: 'Grace' } });
  });

  it('tells the shared process its roots changed and answers the new ones', async () => {
    const folder = path.join(temp.dir, 'project');
    await core.call('servers.setRoots', { id: 'probe', roots: [folder] });
    await waitFor('the roots change at the server', async () => JSON.parse(await uiCall('received', {})).rootsChanged === 1);
    expect(JSON.parse(await uiCall('ask_roots', {})).roots).toEqual([{ uri: new URL(`file://${folder}`).href, name: 'project' }]);
  });

  it('declines at once when no window is open, and the log says why', async () => {
    closeWindow();
    expect(await uiCall('ask_sampling', { prompt: 'hi' })).toBe(
      'sampling failed: MCP error -32600: Sampling is not available: no client is connected through MCP Tray to answer it, and no MCP Tray window is open to ask a person',
    );
    expect(JSON.parse(await uiCall('ask_elicitation', { message: 'name?' }))).toEqual({ action: 'decline' });
    expect(warnings()).toEqual(
      expect.arrayContaining(['elicitation/create declined: no client is connected through MCP Tray to answer it, and no MCP Tray window is open to ask a person']),
    );
  });
});
