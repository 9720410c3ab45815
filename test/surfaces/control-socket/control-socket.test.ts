/**
 * The control socket as a protocol: a real AppCore behind it, raw sockets in front, so garbage,
 * oversized lines, invalid params and events are checked byte for byte.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import path from 'node:path';
import { AppCore } from '../../../src/core/app-core';
import { InMemorySecretStore } from '../../support/in-memory-secret-store';
import { ContractError } from '../../../src/shared/contract';
import { connectControlSocket } from '../../../src/surfaces/control-socket/client';
import { serveControlSocket, type ControlSocketServer } from '../../../src/surfaces/control-socket/server';
import { controlSocketPath } from '../../../src/surfaces/control-socket/socket-path';
import { MAX_REQUEST_LINE_CHARS } from '../../../src/surfaces/control-socket/protocol';
import { makeTempDir, waitFor } from '../../support/chaos';
import { projectRoot } from '../../support/mcp-child';

/** A raw client: send lines, read the replies as parsed JSON, see when the manager hangs up. */
function rawClient(socketPath: string) {
  const socket: Socket = connect(socketPath);
  const messages: unknown[] = [];
  let buffer = '';
  let closed = false;
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    for (let newline = buffer.indexOf('\n'); newline !== -1; newline = buffer.indexOf('\n')) {
      messages.push(JSON.parse(buffer.slice(0, newline)));
      buffer = buffer.slice(newline + 1);
    }
  });
  socket.on('error', () => {});
  socket.on('close', () => (closed = true));
  return {
    send: (line: string) => socket.write(line.endsWith('\n') ? line : `${line}\n`),
    messages,
    closed: () => closed,
    reply: (id: unknown) => waitFor(`a reply to ${JSON.stringify(id)}`, () => messages.find((message) => (message as { id?: unknown }).id === id)),
    destroy: () => socket.destroy(),
  };
}

describe('control socket', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let dataDir: string;
  let core: AppCore;
  let control: ControlSocketServer;

  beforeEach(async () => {
    temp = await makeTempDir('control');
    dataDir = path.join(temp.dir, 'data');
    core = await AppCore.create({
      dataDir,
      secrets: new InMemorySecretStore(),
      runtime: { execPath: process.execPath, runAsNode: false, serversDir: path.join(projectRoot, 'out/servers') },
      onWarning: () => {},
    });
    control = await serveControlSocket(core, dataDir);
  });

  afterEach(async () => {
    await control.close();
    await core.shutdown();
    await temp.remove();
  });

  it('listens on <dataDir>/control.sock, private to this user', () => {
    expect(control.path).toBe(path.join(dataDir, 'control.sock'));
    expect(controlSocketPath(dataDir)).toBe(control.path);
    expect(statSync(control.path).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
  });

  it('answers ping with its pid, and calls with the contract result', async () => {
    const client = rawClient(control.path);
    client.send(JSON.stringify({ id: 1, ping: true }));
    expect(await client.reply(1)).toEqual({ id: 1, result: { pid: process.pid, protocol: 1 } });
    client.send(JSON.stringify({ id: 'list', method: 'servers.list' }));
    const reply = (await client.reply('list')) as { result: Array<{ id: string }> };
    expect(reply.result.map((server) => server.id)).toEqual(['weather', 'github']);
    client.destroy();
  });

  it('validates params with the contract: a bad input is an invalid_input error and the connection stays open', async () => {
    const client = rawClient(control.path);
    client.send(JSON.stringify({ id: 1, method: 'servers.get', params: { id: 'Not A Slug' } }));
    const error = (await client.reply(1)) as { error: { code: string; message: string } };
    expect(error.error.code).toBe('invalid_input');
    expect(error.error.message).toMatch(/^id: A server id is/);
    client.send(JSON.stringify({ id: 2, method: 'servers.get', params: { id: 'nosuch' } }));
    expect(await client.reply(2)).toEqual({ id: 2, error: { code: 'not_found', message: 'There is no server "nosuch". Run "mcp-tray servers list" to see them.' } });
    client.send(JSON.stringify({ id: 3, method: 'servers.steal' }));
    expect(await client.reply(3)).toEqual({ id: 3, error: { code: 'not_found', message: 'MCP Tray has no method "servers.steal".' } });
    client.send(JSON.stringify({ id: 4, method: 'settings.get' }));
    expect(await client.reply(4)).toMatchObject({ id: 4, result: { healthIntervalMs: 15_000 } });
    expect(client.closed()).toBe(false);
    client.destroy();
  });

  it.each([
    ['a line that is not JSON', 'hello there'],
    ['JSON that is not an envelope', JSON.stringify({ id: 1, method: 'servers.list', extra: true })],
    ['an envelope with a bad id', JSON.stringify({ id: { nested: 1 }, method: 'servers.list' })],
    ['a subscription to an unknown event', JSON.stringify({ id: 1, subscribe: 'secrets.values' })],
    ['a JSON array', '[1,2,3]'],
  ])('answers %s with an error (id null) and hangs up', async (_label, line) => {
    const client = rawClient(control.path);
    client.send(line);
    await waitFor('the manager to hang up', () => client.closed());
    expect(client.messages).toHaveLength(1);
    expect(client.messages[0]).toMatchObject({ id: null, error: { code: 'invalid_input' } });
  });

  it('hangs up on a line longer than the limit, without waiting for its end', async () => {
    const client = rawClient(control.path);
    client.send(`{"id":1,"method":"servers.list","params":{"pad":"${'x'.repeat(MAX_REQUEST_LINE_CHARS)}`);
    await waitFor('the manager to hang up', () => client.closed());
    expect(client.messages[0]).toMatchObject({ id: null, error: { code: 'invalid_input', message: expect.stringContaining('longer than') } });
  });

  it('sends subscribed events, and stops after unsubscribe', async () => {
    const watcher = rawClient(control.path);
    watcher.send(JSON.stringify({ id: 1, subscribe: 'servers.changed' }));
    expect(await watcher.reply(1)).toEqual({ id: 1, result: { subscribed: 'servers.changed' } });
    const actor = rawClient(control.path);
    actor.send(JSON.stringify({ id: 1, method: 'servers.setEnv', params: { id: 'weather', env: { A: '1' } } }));
    await actor.reply(1);
    await waitFor('the event', () => watcher.messages.find((message) => (message as { event?: string }).event === 'servers.changed'));
    expect(watcher.messages).toContainEqual({ event: 'servers.changed', payload: { serverIds: ['weather', 'github'] } });

    watcher.send(JSON.stringify({ id: 2, unsubscribe: 'servers.changed' }));
    await watcher.reply(2);
    const before = watcher.messages.length;
    actor.send(JSON.stringify({ id: 2, method: 'servers.setEnv', params: { id: 'weather', env: { A: null } } }));
    await actor.reply(2);
    watcher.send(JSON.stringify({ id: 3, ping: true }));
    await watcher.reply(3);
    expect(watcher.messages.length).toBe(before + 1);
    watcher.destroy();
    actor.destroy();
  });

  it('the typed client validates results and turns error replies into ContractErrors', async () => {
    const client = await connectControlSocket(dataDir);
    expect(client?.managerPid).toBe(process.pid);
    const weather = await client?.call('servers.get', { id: 'weather' });
    expect(weather?.health.state).toBe('stopped');
    await expect(client?.call('servers.get', { id: 'nosuch' })).rejects.toMatchObject({ name: 'ContractError', code: 'not_found' });
    const seen: string[] = [];
    await client?.subscribe('servers.changed', (payload) => seen.push(...payload.serverIds));
    await client?.call('servers.setEnv', { id: 'weather', env: { B: '2' } });
    await waitFor('the event through the client', () => seen.length > 0);
    client?.close();
  });

  it('a second manager for the same folder is refused', async () => {
    await expect(serveControlSocket(core, dataDir)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('already running') });
    expect(existsSync(control.path)).toBe(true);
  });

  it('the client notices the manager going, fails later calls, and then finds nothing running', async () => {
    const client = await connectControlSocket(dataDir);
    let closed = false;
    client?.onClose(() => (closed = true));
    await control.close();
    await waitFor('the client to notice', () => closed);
    await expect(client?.call('servers.list', {})).rejects.toBeInstanceOf(ContractError);
    expect(existsSync(control.path)).toBe(false);
    expect(await connectControlSocket(dataDir)).toBeUndefined();
  });
});

describe('control socket files left behind', () => {
  it('replaces the socket of a manager that was killed, and refuses a path that is not a socket', async () => {
    const temp = await makeTempDir('control-stale');
    const socketPath = controlSocketPath(temp.dir);
    // A process that listens, then dies by SIGKILL: its socket file stays, nothing answers.
    const holder = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(socketPath)}); setInterval(() => {}, 1e9)`]);
    await waitFor('the stale socket to exist', () => existsSync(socketPath));
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    expect(existsSync(socketPath)).toBe(true);
    expect(await connectControlSocket(temp.dir)).toBeUndefined();

    const target = { call: async () => ({}) as never, on: () => () => {} };
    const control = await serveControlSocket(target, temp.dir);
    const client = await connectControlSocket(temp.dir);
    expect(client?.managerPid).toBe(process.pid);
    client?.close();
    await control.close();

    const { writeFile } = await import('node:fs/promises');
    await writeFile(socketPath, 'not a socket');
    await expect(serveControlSocket(target, temp.dir)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('is not a socket') });
    await temp.remove();
  });

  it('treats a foreign listener that speaks no protocol as an error, not as "not running"', async () => {
    const temp = await makeTempDir('control-foreign');
    const socketPath = controlSocketPath(temp.dir);
    const foreign = createServer((socket) => socket.on('data', () => socket.write('{"hello": "world"}\n')));
    await new Promise<void>((resolve) => foreign.listen(socketPath, resolve));
    await expect(connectControlSocket(temp.dir)).rejects.toBeInstanceOf(ContractError);
    await new Promise((resolve) => foreign.close(resolve));
    await temp.remove();
  });
});
