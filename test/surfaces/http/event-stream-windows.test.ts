import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ServerRequestDesk } from '../../../src/core/server-requests/server-request-desk';
import { EventStreamHub } from '../../../src/surfaces/http/event-stream';
import { waitFor } from '../../support/chaos';

describe('the event stream as the sign of an open window', () => {
  let server: Server | undefined;
  let hub: EventStreamHub | undefined;

  afterEach(async () => {
    hub?.close();
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  });

  it('counts each listening page as an open window until its stream closes', async () => {
    const desk = new ServerRequestDesk({ timeoutMs: () => 1_000, onChanged: () => {}, log: () => {}, redact: (text) => text });
    const streams = new EventStreamHub({ on: () => () => {} }, {}, desk);
    hub = streams;
    server = createServer((request, response) => streams.attach(request, response));
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const open = () => new Promise<import('node:http').ClientRequest>((resolve) => {
      const request = get({ host: '127.0.0.1', port, path: '/api/events' }, () => resolve(request));
    });

    expect(desk.windowOpen).toBe(false);
    const first = await open();
    const second = await open();
    await waitFor('both pages listening', () => streams.connectedClients === 2);
    expect(desk.windowOpen).toBe(true);
    first.destroy();
    await waitFor('the first page gone', () => streams.connectedClients === 1);
    expect(desk.windowOpen).toBe(true);
    second.destroy();
    await waitFor('no page listening', () => !desk.windowOpen);
  });

  it('declines what waits for a person once the last page has stopped listening', async () => {
    const desk = new ServerRequestDesk({ timeoutMs: () => 600_000, onChanged: () => {}, log: () => {}, redact: (text) => text, closedWindowGraceMs: 50 });
    const streams = new EventStreamHub({ on: () => () => {} }, {}, desk);
    hub = streams;
    server = createServer((request, response) => streams.attach(request, response));
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const page = await new Promise<import('node:http').ClientRequest>((resolve) => {
      const request = get({ host: '127.0.0.1', port, path: '/api/events' }, () => resolve(request));
    });
    await waitFor('the page listening', () => desk.windowOpen);
    const form = { mode: 'form', message: 'Name?', requestedSchema: { type: 'object', properties: { name: { type: 'string' } } } };
    const answered = desk.ask({ serverId: 'probe', method: 'elicitation/create', params: form, signal: new AbortController().signal, cause: undefined, why: 'no client' });
    expect(desk.list()).toHaveLength(1);
    page.destroy();
    await expect(answered).resolves.toEqual({ action: 'decline' });
    expect(desk.list()).toEqual([]);
  });
});
