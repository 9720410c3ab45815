/**
 * The control socket's bridge upgrade, over a real socket with a stand-in BridgePort behind it:
 * the first line opens a session, then raw MCP lines pass both ways unchanged; refusals and the
 * control token are checked byte for byte.
 */
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { statSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { ContractError } from '../../../src/shared/contract';
import type { BridgeOpenRequest } from '../../../src/core/bridge/bridge-port';
import type { BridgeRequestLine } from '../../../src/surfaces/control-socket/bridge-protocol';
import { connectControlSocket } from '../../../src/surfaces/control-socket/client';
import { openBridge } from '../../../src/surfaces/control-socket/bridge-client';
import { controlTokenPath } from '../../../src/surfaces/control-socket/control-token';
import { controlSocketPath } from '../../../src/surfaces/control-socket/socket-path';
import { makeTempDir, waitFor } from '../../support/chaos';
import { upgradeToBridge } from '../../../src/surfaces/control-socket/bridge-connection';
import { BoundedLineReader } from '../../../src/surfaces/control-socket/ndjson-lines';
import { FakeBridge, responseLine, startFakeManager, type FakeManager } from '../../support/fake-bridge';

/** A raw peer that keeps each received line as text, so a line of many MB is compared whole. */
function rawPeer(socketPath: string) {
  const socket: Socket = connect(socketPath);
  const lines: string[] = [];
  let pending: string[] = [];
  let closed = false;
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    let start = 0;
    for (let newline = chunk.indexOf('\n'); newline !== -1; newline = chunk.indexOf('\n', start)) {
      lines.push(pending.join('') + chunk.slice(start, newline));
      pending = [];
      start = newline + 1;
    }
    if (start < chunk.length) pending.push(chunk.slice(start));
  });
  socket.on('error', () => {});
  socket.on('close', () => (closed = true));
  return {
    socket,
    lines,
    send: (line: string) => socket.write(`${line}\n`),
    line: (index: number) => waitFor(`line ${index} from the manager`, () => lines[index]),
    closed: () => closed,
    waitClosed: () => waitFor('the manager to hang up', () => closed),
  };
}

/**
 * A data folder whose socket leads to the manager of `managerDir`, holding a stale token until the
 * first connection sends its first line: by then that client has read the stale token, and the
 * manager's own is in the file for a second reading. So a manager that started between a client's
 * reading and its connecting, every time.
 */
async function staleTokenFolder(managerDir: string, folder: string): Promise<{ connections: () => number; close: () => Promise<void> }> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await writeFile(controlTokenPath(folder), 'f'.repeat(64), { mode: 0o600 });
  let connections = 0;
  const server: Server = createServer((client) => {
    connections += 1;
    const first = connections === 1;
    const manager = connect(controlSocketPath(managerDir));
    manager.on('error', () => client.destroy());
    client.on('error', () => manager.destroy());
    manager.on('close', () => client.destroy());
    client.on('close', () => manager.destroy());
    manager.pipe(client);
    client.once('data', (chunk: Buffer) => {
      void (first ? copyFile(controlTokenPath(managerDir), controlTokenPath(folder)) : Promise.resolve()).then(() => {
        manager.write(chunk);
        client.pipe(manager);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(controlSocketPath(folder), resolve));
  return {
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const initialize = { jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } };

describe('control socket bridge upgrade', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let dataDir: string;
  let manager: FakeManager;

  beforeEach(async () => {
    temp = await makeTempDir('bridge');
    dataDir = path.join(temp.dir, 'data');
    manager = await startFakeManager(dataDir);
  });

  afterEach(async () => {
    await manager.stop();
    await temp.remove();
  });

  it('sends the request core checks, in the shape the launcher writes', () => {
    expectTypeOf<BridgeRequestLine['bridge']>().toExtend<BridgeOpenRequest>();
  });

  it('opens a session on a bridge request, then carries MCP lines both ways unchanged', async () => {
    const peer = rawPeer(manager.control.path);
    peer.send(JSON.stringify({ id: 1, bridge: { serverId: 'weather', client: 'claude-desktop' } }));
    expect(JSON.parse(await peer.line(0))).toEqual({ id: 1, result: { sessionId: 'fake-1', protocol: 1 } });
    expect(manager.bridge.sessions[0]?.request).toEqual({ serverId: 'weather', client: 'claude-desktop' });

    peer.send(JSON.stringify(initialize));
    expect(JSON.parse(await peer.line(1))).toMatchObject({ jsonrpc: '2.0', id: 0, result: { serverInfo: { name: 'fake-manager' } } });
    const big = 'é'.repeat(3 * 1024 * 1024);
    const call = JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'echo', arguments: { text: big } } });
    peer.send(call);
    expect(await peer.line(2)).toBe(responseLine(7, { content: [{ type: 'text', text: big }] }));
    expect(manager.bridge.sessions[0]?.lines).toEqual([JSON.stringify(initialize), call]);
    peer.socket.destroy();
  });

  it('hangs up on a bridged line longer than the manager\'s own limit, without passing it on', async () => {
    await manager.stop();
    manager = await startFakeManager(dataDir, { maxBridgeLineChars: 64 * 1024 });
    const peer = rawPeer(manager.control.path);
    peer.send(JSON.stringify({ id: 1, bridge: { serverId: 'weather' } }));
    await peer.line(0);
    peer.send(JSON.stringify(initialize));
    await peer.line(1);
    peer.send(JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'echo', arguments: { text: 'x'.repeat(100 * 1024) } } }));
    await peer.waitClosed();
    expect(manager.bridge.sessions[0]?.closed).toBe(true);
    expect(manager.bridge.sessions[0]?.lines).toEqual([JSON.stringify(initialize)]);
  });

  it('passes lines sent before the answer to the session, in order', async () => {
    const peer = rawPeer(manager.control.path);
    peer.send(`${JSON.stringify({ id: 1, bridge: { serverId: 'weather' } })}\n${JSON.stringify(initialize)}`);
    await peer.line(1);
    expect(JSON.parse(peer.lines[0] ?? '')).toMatchObject({ id: 1, result: { protocol: 1 } });
    expect(JSON.parse(peer.lines[1] ?? '')).toMatchObject({ id: 0, result: { protocolVersion: '2025-06-18' } });
    peer.socket.destroy();
  });

  it('closes the session when the launcher hangs up, and hangs up when the manager ends the session', async () => {
    const first = rawPeer(manager.control.path);
    first.send(JSON.stringify({ id: 1, bridge: { serverId: 'weather' } }));
    await first.line(0);
    first.socket.end();
    await waitFor('the session to close', () => manager.bridge.sessions[0]?.closed);

    const second = rawPeer(manager.control.path);
    second.send(JSON.stringify({ id: 1, bridge: { serverId: 'weather' } }));
    await second.line(0);
    manager.bridge.sessions[1]?.peer.close('the server was removed');
    await second.waitClosed();
    expect(manager.bridge.sessions[1]?.closed).toBe(false);
  });

  it('closes the session when a reply is longer than the bridge carries', async () => {
    const bridge = new FakeBridge();
    const server = createServer((socket) => {
      const reader = new BoundedLineReader(1_000, () => {}, () => {});
      const connection = upgradeToBridge({ id: 1, bridge: { serverId: 'weather' } }, { socket, reader, bridge, maxQueuedChars: 1_000_000, maxReplyLineChars: 100 });
      socket.on('close', () => connection.closed());
    });
    const socketPath = path.join(temp.dir, 'small-replies.sock');
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    try {
      const peer = rawPeer(socketPath);
      expect(JSON.parse(await peer.line(0))).toMatchObject({ id: 1, result: { sessionId: 'fake-1' } });
      bridge.sessions[0]?.peer.send(responseLine(7, { text: 'x'.repeat(200) }));
      await peer.waitClosed();
      await waitFor('the session closed', () => bridge.sessions[0]?.closed);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('answers a refused session with the error, and hangs up', async () => {
    manager.bridge.refusal = new ContractError('conflict', 'The server "weather" is turned off; enable it in MCP Tray.');
    const peer = rawPeer(manager.control.path);
    peer.send(JSON.stringify({ id: 1, bridge: { serverId: 'weather' } }));
    await peer.waitClosed();
    expect(peer.lines.map((line) => JSON.parse(line) as unknown)).toEqual([{ id: 1, error: { code: 'conflict', message: 'The server "weather" is turned off; enable it in MCP Tray.' } }]);
  });

  it.each([
    ['a bad server id', { id: 1, bridge: { serverId: 'Not An Id' } }],
    ['an unknown key', { id: 1, bridge: { serverId: 'weather' }, extra: true }],
  ])('refuses a bridge request with %s', async (_label, request) => {
    const peer = rawPeer(manager.control.path);
    peer.send(JSON.stringify(request));
    await peer.waitClosed();
    expect(JSON.parse(peer.lines[0] ?? '')).toMatchObject({ id: 1, error: { code: 'invalid_input', message: expect.stringContaining('Not a bridge request') } });
    expect(manager.bridge.sessions).toHaveLength(0);
  });

  it('takes a bridge request only as the first line', async () => {
    const peer = rawPeer(manager.control.path);
    peer.send(JSON.stringify({ id: 1, ping: true }));
    await peer.line(0);
    peer.send(JSON.stringify({ id: 2, bridge: { serverId: 'weather' } }));
    await peer.waitClosed();
    expect(JSON.parse(peer.lines[1] ?? '')).toMatchObject({ id: null, error: { code: 'invalid_input' } });
    expect(manager.bridge.sessions).toHaveLength(0);
  });
});

describe('control token', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let dataDir: string;
  let manager: FakeManager;

  beforeEach(async () => {
    temp = await makeTempDir('token');
    dataDir = path.join(temp.dir, 'data');
    manager = await startFakeManager(dataDir, { requireToken: true });
  });

  afterEach(async () => {
    await manager.stop();
    await temp.remove();
  });

  it('is written owner-only, 32 random bytes in hex, and a new one at every start', async () => {
    const token = await readFile(controlTokenPath(dataDir), 'utf8');
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(controlTokenPath(dataDir)).mode & 0o777).toBe(0o600);
    await manager.stop();
    manager = await startFakeManager(dataDir, { requireToken: true });
    expect(await readFile(controlTokenPath(dataDir), 'utf8')).not.toBe(token);
  });

  it.each([
    ['no token', undefined],
    ['a wrong token', 'f'.repeat(64)],
    ['a token of another shape', 42],
  ])('refuses a first request with %s, before it opens a session', async (_label, token) => {
    const peer = rawPeer(manager.control.path);
    peer.send(JSON.stringify({ id: 1, bridge: { serverId: 'weather' }, ...(token === undefined ? {} : { token }) }));
    await peer.waitClosed();
    expect(JSON.parse(peer.lines[0] ?? '')).toEqual({
      id: 1,
      error: { code: 'invalid_input', message: `MCP Tray refused this connection: it did not present the control token from ${controlTokenPath(dataDir)}. Use the mcp-tray CLI and the launcher of this same MCP Tray.` },
    });
    expect(manager.bridge.sessions).toHaveLength(0);
  });

  it('accepts the token from the data folder, for a bridge request and for the CLI client', async () => {
    const token = await readFile(controlTokenPath(dataDir), 'utf8');
    const peer = rawPeer(manager.control.path);
    peer.send(JSON.stringify({ id: 1, bridge: { serverId: 'weather' }, token }));
    expect(JSON.parse(await peer.line(0))).toMatchObject({ id: 1, result: { protocol: 1 } });
    peer.socket.destroy();

    const client = await connectControlSocket(dataDir);
    expect(client?.managerPid).toBe(process.pid);
    client?.close();
  });

  it('a launcher that read the previous token reads the file again and bridges', async () => {
    const folder = await staleTokenFolder(dataDir, path.join(temp.dir, 'stale'));
    try {
      const opening = await openBridge(path.join(temp.dir, 'stale'), { serverId: 'weather' }, 5_000);
      expect(opening.kind).toBe('open');
      if (opening.kind === 'open') opening.socket.destroy();
      expect(folder.connections()).toBe(2);
      expect(manager.bridge.sessions).toHaveLength(1);
    } finally {
      await folder.close();
    }
  });

  it('the CLI client that read the previous token reads the file again and connects', async () => {
    const folder = await staleTokenFolder(dataDir, path.join(temp.dir, 'stale'));
    try {
      const client = await connectControlSocket(path.join(temp.dir, 'stale'));
      expect(client?.managerPid).toBe(process.pid);
      client?.close();
      expect(folder.connections()).toBe(2);
    } finally {
      await folder.close();
    }
  });

  it('the CLI client without the file is refused with the sentence', async () => {
    const { unlink } = await import('node:fs/promises');
    await unlink(controlTokenPath(dataDir));
    await expect(connectControlSocket(dataDir)).rejects.toThrow(/did not present the control token/);
  });
});
