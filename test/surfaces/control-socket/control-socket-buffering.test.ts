/**
 * The control socket's buffering with a stand-in manager behind a real socket: a reply of many MB
 * reaches the typed client whole, while a subscriber that stops reading events is still dropped.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, type Socket } from 'node:net';
import path from 'node:path';
import type { EventName, EventPayload, MethodName, MethodResult } from '../../../src/shared/contract';
import type { ContractPort } from '../../../src/surfaces/contract-port';
import { connectControlSocket } from '../../../src/surfaces/control-socket/client';
import { serveControlSocket, type ControlSocketServer } from '../../../src/surfaces/control-socket/server';
import { MAX_BUFFERED_CHARS_PER_CLIENT } from '../../../src/surfaces/control-socket/protocol';
import { makeTempDir, waitFor } from '../../support/chaos';

const MB = 1024 * 1024;

/** Answers every tools.call with a text of `resultChars`, and lets the test emit log events. */
class StandInManager implements ContractPort {
  resultChars = 0;
  calls = 0;
  private readonly logListeners = new Set<(payload: EventPayload<'log.entry'>) => void>();

  async call<M extends MethodName>(method: M): Promise<MethodResult<M>> {
    if (method !== 'tools.call') throw new Error(`not in this stand-in: ${method}`);
    this.calls += 1;
    return { callId: 'big', durationMs: 1, result: { content: [{ type: 'text', text: 'x'.repeat(this.resultChars) }] } } as MethodResult<M>;
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    if (event !== 'log.entry') return () => {};
    const untyped = listener as (payload: EventPayload<'log.entry'>) => void;
    this.logListeners.add(untyped);
    return () => this.logListeners.delete(untyped);
  }

  emitLog(message: string): void {
    for (const listener of this.logListeners) listener({ seq: 1, serverId: 'chaos', time: new Date().toISOString(), level: 'info', source: 'stderr', message });
  }

  get subscribers(): number {
    return this.logListeners.size;
  }
}

describe('control socket buffering', { timeout: 60_000 }, () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let manager: StandInManager;
  let control: ControlSocketServer;

  beforeEach(async () => {
    temp = await makeTempDir('control-buffering');
    manager = new StandInManager();
    control = await serveControlSocket(manager, path.join(temp.dir, 'data'));
  });

  afterEach(async () => {
    await control.close();
    await temp.remove();
  });

  it('delivers a tool result larger than the per-client event buffer whole, with events after it', async () => {
    manager.resultChars = MAX_BUFFERED_CHARS_PER_CLIENT + 8 * MB;
    const client = await connectControlSocket(path.join(temp.dir, 'data'));
    if (!client) throw new Error('no manager answered');
    const received: string[] = [];
    await client.subscribe('log.entry', (entry) => received.push(entry.message));
    const answer = client.call('tools.call', { serverId: 'chaos', name: 'big_text', arguments: {} });
    // Events queued behind the large reply are the peer's own business, not a stuck subscriber.
    manager.emitLog('after the large reply');
    const { result } = await answer;
    const block = result.content[0];
    expect(block?.type === 'text' ? block.text.length : 0).toBe(manager.resultChars);
    await waitFor('the event sent after the reply', () => received.includes('after the large reply'));
    client.close();
  });

  it('drops a peer that keeps asking for large results without reading them', async () => {
    await control.close();
    control = await serveControlSocket(manager, path.join(temp.dir, 'data'), { maxQueuedReplyChars: 5 * MB });
    manager.resultChars = 2 * MB;
    const socket: Socket = connect(control.path);
    socket.on('error', () => {});
    socket.pause();
    const asked = 6;
    for (let id = 1; id <= asked; id++) {
      socket.write(`${JSON.stringify({ id, method: 'tools.call', params: { serverId: 'chaos', name: 'big_text', arguments: {} } })}\n`);
    }
    await waitFor('the manager to answer every call', () => manager.calls === asked);
    // Now read what the manager kept for this peer: it ends early, in a closed connection.
    let replies = 0;
    const outcome = new Promise<'closed' | 'every reply'>((resolve) => {
      socket.on('data', (chunk: Buffer) => {
        for (const byte of chunk) if (byte === 10 && ++replies === asked) resolve('every reply');
      });
      socket.once('close', () => resolve('closed'));
    });
    socket.resume();
    expect(await outcome).toBe('closed');
    expect(replies).toBeLessThan(asked);
  });

  it('still drops a subscriber that stops reading events', async () => {
    const socket: Socket = connect(control.path);
    socket.on('error', () => {});
    socket.write(`${JSON.stringify({ id: 1, subscribe: 'log.entry' })}\n`);
    await waitFor('the subscription', () => manager.subscribers === 1);
    socket.pause();
    const line = 'y'.repeat(MB);
    for (let sent = 0; sent < 2 * MAX_BUFFERED_CHARS_PER_CLIENT && manager.subscribers > 0; sent += line.length) manager.emitLog(line);
    await waitFor('the manager to drop the stuck subscriber', () => manager.subscribers === 0);
    socket.destroy();
  });
});
