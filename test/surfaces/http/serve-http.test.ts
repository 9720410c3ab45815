/**
 * The headless host's HTTP layer in process, over a stand-in manager and a stand-in UI build, so
 * every rule can be tried directly: who gets in (Host, Origin, token, cookie), what a call answers,
 * how events stream and resume, and which files are served how.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ContractError, parseInput, type EventName, type EventPayload, type MethodName, type MethodResult } from '../../../src/shared/contract';
import type { ContractPort } from '../../../src/surfaces/contract-port';
import { MAX_JSON_BODY_BYTES } from '../../../src/surfaces/http/json-body';
import { startServeHttp, type ServeHttpServer } from '../../../src/surfaces/http/serve-http-server';
import { makeTempDir, waitFor } from '../../support/chaos';
import { callMethod, openEventStream, rawRequest, tokenOf, type SseConnection } from './serve-http-support';

const HASHED_ASSET = 'assets/index-Ab3dEf9_.js';

/** Answers a few methods the way AppCore would, validating input with the contract like AppCore.call does. */
class StandInManager implements ContractPort {
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  async call<M extends MethodName>(method: M, input: unknown): Promise<MethodResult<M>> {
    const params = parseInput(method, input);
    if (method === 'servers.list') return [] as unknown as MethodResult<M>;
    if (method === 'health.get') throw new ContractError('not_found', 'There is no server "nosuch".');
    if (method === 'settings.get') throw new Error('The settings file could not be read.');
    return { echoed: params } as unknown as MethodResult<M>;
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    const untyped = listener as (payload: unknown) => void;
    set.add(untyped);
    return () => set.delete(untyped);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  subscriberCount(): number {
    return [...this.listeners.values()].reduce((sum, set) => sum + set.size, 0);
  }
}

function logEntry(seq: number, message: string): EventPayload<'log.entry'> {
  return { seq, serverId: 'weather', time: new Date(0).toISOString(), level: 'info', source: 'lifecycle', message };
}

describe('the headless host over HTTP', () => {
  let temp: { dir: string; remove: () => Promise<void> };
  let uiDir: string;
  let manager: StandInManager;
  let host: ServeHttpServer;
  let token: string;
  const streams: SseConnection[] = [];
  const auth = () => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    temp = await makeTempDir('serve-http');
    uiDir = path.join(temp.dir, 'ui');
    await mkdir(path.join(uiDir, 'assets'), { recursive: true });
    await writeFile(path.join(uiDir, 'index.html'), '<!doctype html><title>MCP Tray</title><div id="root"></div>');
    await writeFile(path.join(uiDir, HASHED_ASSET), 'console.log("ui")');
    await writeFile(path.join(uiDir, 'assets/style.css'), 'body{}');
    await writeFile(path.join(uiDir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(path.join(uiDir, '.env'), 'HIDDEN=1');
    await writeFile(path.join(temp.dir, 'outside.txt'), 'not part of the UI');
    await symlink(path.join(temp.dir, 'outside.txt'), path.join(uiDir, 'assets/escape.txt'));
    manager = new StandInManager();
    host = await startServeHttp({ target: manager, uiDir, events: { heartbeatMs: 50 } });
    token = tokenOf(host.url);
  });

  afterEach(() => {
    for (const stream of streams.splice(0)) stream.close();
  });

  afterAll(async () => {
    await host?.close();
    await temp?.remove();
  });

  async function stream(headers: Record<string, string>): Promise<SseConnection> {
    const connection = await openEventStream(host.origin, headers);
    streams.push(connection);
    return connection;
  }

  describe('binding', () => {
    it('listens on 127.0.0.1 and prints a link with a 32-byte token', () => {
      expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
      expect(host.url).toBe(`${host.origin}/?token=${token}`);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    });

    it('refuses any other address', async () => {
      for (const address of ['0.0.0.0', '::', '192.168.1.10', 'example.com']) {
        await expect(startServeHttp({ target: manager, uiDir, host: address })).rejects.toThrow(/listens on 127\.0\.0\.1 only/);
      }
    });

    it('makes a new token every start', async () => {
      const second = await startServeHttp({ target: manager, uiDir, host: 'localhost' });
      try {
        expect(second.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(tokenOf(second.url)).not.toBe(token);
      } finally {
        await second.close();
      }
    });

    it('refuses to start without a built UI', async () => {
      await expect(startServeHttp({ target: manager, uiDir: path.join(temp.dir, 'nothing') })).rejects.toThrow(/The UI is not built/);
    });
  });

  describe('access', () => {
    it('answers 401 to every kind of request without the token', async () => {
      for (const [method, url] of [
        ['GET', '/'],
        ['GET', '/index.html'],
        ['GET', `/${HASHED_ASSET}`],
        ['GET', '/api/events'],
        ['POST', '/api/call/servers.list'],
        ['GET', '/api/nothing'],
      ] as const) {
        const response = await rawRequest(host.origin, url, { method, headers: { 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
        expect(response.status, `${method} ${url}`).toBe(401);
        expect(response.body).not.toContain(token);
      }
    });

    it('answers 401 to a wrong token, wherever it is put', async () => {
      const wrong = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
      expect((await callMethod(host.origin, wrong, 'servers.list', {})).status).toBe(401);
      expect((await rawRequest(host.origin, `/?token=${wrong}`)).status).toBe(401);
      expect((await rawRequest(host.origin, '/', { headers: { cookie: `mcp-tray-${host.port}=${wrong}` } })).status).toBe(401);
      // The token in a URL opens pages only, never the API.
      expect((await rawRequest(host.origin, `/api/call/servers.list?token=${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    });

    it('the link sets an HttpOnly, SameSite=Strict session cookie that then opens everything', async () => {
      const page = await rawRequest(host.origin, `/?token=${token}`);
      expect(page.status).toBe(200);
      const cookie = page.headers['set-cookie']?.[0] ?? '';
      expect(cookie).toBe(`mcp-tray-${host.port}=${token}; Path=/; HttpOnly; SameSite=Strict`);
      const jar = { cookie: cookie.split(';')[0] as string };
      expect((await rawRequest(host.origin, '/', { headers: jar })).status).toBe(200);
      expect((await rawRequest(host.origin, `/${HASHED_ASSET}`, { headers: jar })).status).toBe(200);
      const call = await rawRequest(host.origin, '/api/call/servers.list', { method: 'POST', headers: { ...jar, 'content-type': 'application/json' }, body: '{}' });
      expect(JSON.parse(call.body)).toEqual({ ok: true, result: [] });
      expect((await stream(jar)).status).toBe(200);
      // A cookie of another port's host is not ours.
      expect((await rawRequest(host.origin, '/', { headers: { cookie: `mcp-tray-1=${token}` } })).status).toBe(401);
    });

    it('answers 403 to a foreign Host, even with the token (DNS rebinding)', async () => {
      for (const hostHeader of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, `localhost.evil.example:${host.port}`]) {
        const response = await rawRequest(host.origin, '/api/call/servers.list', {
          method: 'POST',
          headers: { host: hostHeader, 'content-type': 'application/json', ...auth() },
          body: '{}',
        });
        expect(response.status, `Host: ${hostHeader}`).toBe(403);
      }
      expect((await rawRequest(host.origin, `/?token=${token}`, { headers: { host: `evil.example:${host.port}` } })).status).toBe(403);
      expect((await rawRequest(host.origin, '/', { headers: { host: `localhost:${host.port}`, ...auth() } })).status).toBe(200);
    });

    it('answers 403 to a request with no Host at all (HTTP/1.0)', async () => {
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(host.port, '127.0.0.1', () => socket.end(`GET / HTTP/1.0\r\nAuthorization: Bearer ${token}\r\n\r\n`));
        let text = '';
        socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 403 /);
    });

    it('answers 403 to a foreign Origin, even with the token', async () => {
      for (const origin of ['http://evil.example', `http://127.0.0.1:${host.port + 1}`, 'null', `https://127.0.0.1:${host.port}`]) {
        expect((await callMethod(host.origin, token, 'servers.list', {}, { origin })).status, `Origin: ${origin}`).toBe(403);
        expect((await rawRequest(host.origin, '/', { headers: { origin, ...auth() } })).status, `Origin: ${origin}`).toBe(403);
      }
      for (const origin of [host.origin, `http://localhost:${host.port}`]) {
        expect((await callMethod(host.origin, token, 'servers.list', {}, { origin })).status, `Origin: ${origin}`).toBe(200);
      }
    });

    it('refuses API requests another site started, but lets a link from anywhere open the page', async () => {
      expect((await callMethod(host.origin, token, 'servers.list', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
      expect((await callMethod(host.origin, token, 'servers.list', {}, { 'sec-fetch-site': 'same-site' })).status).toBe(403);
      expect((await callMethod(host.origin, token, 'servers.list', {}, { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
      expect((await rawRequest(host.origin, `/?token=${token}`, { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
    });
  });

  describe('POST /api/call/<method>', () => {
    it('answers a method with its result in an envelope', async () => {
      const response = await callMethod(host.origin, token, 'servers.get', { id: 'weather' });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(JSON.parse(response.body)).toEqual({ ok: true, result: { echoed: { id: 'weather' } } });
    });

    it('answers bad input with the invalid_input envelope', async () => {
      const response = await callMethod(host.origin, token, 'servers.get', { id: 'Not An Id' });
      expect(response.status).toBe(200);
      const envelope = JSON.parse(response.body) as { ok: boolean; error: { code: string; message: string } };
      expect(envelope.ok).toBe(false);
      expect(envelope.error.code).toBe('invalid_input');
      expect(envelope.error.message).toMatch(/^id: A server id is/);
    });

    it('passes on the manager\'s error codes, and "failed" for anything else', async () => {
      expect(JSON.parse((await callMethod(host.origin, token, 'health.get', { id: 'nosuch' })).body)).toEqual({
        ok: false,
        error: { code: 'not_found', message: 'There is no server "nosuch".' },
      });
      expect(JSON.parse((await callMethod(host.origin, token, 'settings.get', {})).body)).toEqual({
        ok: false,
        error: { code: 'failed', message: 'The settings file could not be read.' },
      });
    });

    it('reads an empty body as no input', async () => {
      const response = await rawRequest(host.origin, '/api/call/servers.list', { method: 'POST', headers: { 'content-type': 'application/json', ...auth() } });
      expect(JSON.parse(response.body)).toEqual({ ok: true, result: [] });
    });

    it('answers an unknown method with 404', async () => {
      const response = await callMethod(host.origin, token, 'servers.explode', {});
      expect(response.status).toBe(404);
      expect(JSON.parse(response.body)).toEqual({ ok: false, error: { code: 'not_found', message: 'MCP Tray has no method "servers.explode".' } });
      expect((await callMethod(host.origin, token, 'constructor', {})).status).toBe(404);
      expect((await rawRequest(host.origin, '/api/other', { headers: auth() })).status).toBe(404);
    });

    it('refuses what is not a JSON POST within the size limit', async () => {
      const get = await rawRequest(host.origin, '/api/call/servers.list', { headers: auth() });
      expect([get.status, get.headers.allow]).toEqual([405, 'POST']);
      const form = await rawRequest(host.origin, '/api/call/servers.list', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...auth() }, body: 'a=1' });
      expect(form.status).toBe(415);
      const notJson = await rawRequest(host.origin, '/api/call/servers.list', { method: 'POST', headers: { 'content-type': 'application/json', ...auth() }, body: '{nope' });
      expect(notJson.status).toBe(400);
      expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      const huge = await callMethod(host.origin, token, 'servers.get', { id: 'x'.repeat(MAX_JSON_BODY_BYTES) });
      expect(huge.status).toBe(413);
      expect(JSON.parse(huge.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    });
  });

  describe('GET /api/events', () => {
    it('streams every contract event as `event: <name>` with JSON data', async () => {
      const events = await stream(auth());
      expect(events.status).toBe(200);
      expect(events.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(events.headers['cache-control']).toBe('no-store');
      // The host registers the stream before it answers, so nothing emitted from now on is missed.
      manager.emit('servers.changed', { serverIds: ['weather'] });
      manager.emit('log.entry', logEntry(1, 'line one\nwith a newline'));
      manager.emit('call.progress', { callId: 'c1', serverId: 'weather', progress: 1, total: 2 });
      await events.waitForEvent('the progress event', (event) => event.event === 'call.progress');
      expect(events.events().map((event) => [event.event, event.data])).toEqual([
        ['servers.changed', { serverIds: ['weather'] }],
        ['log.entry', logEntry(1, 'line one\nwith a newline')],
        ['call.progress', { callId: 'c1', serverId: 'weather', progress: 1, total: 2 }],
      ]);
      expect(events.frames[0]?.retry).toMatch(/^\d+$/);
    });

    it('sends heartbeat comments while idle', async () => {
      const events = await stream(auth());
      await waitFor('a heartbeat comment', () => events.frames.some((frame) => frame.comments.includes('heartbeat')), 10_000);
    });

    it('replays what a reconnecting page missed (Last-Event-ID)', async () => {
      const first = await stream(auth());
      await waitFor('the opening id', () => first.frames.some((frame) => frame.id !== undefined));
      manager.emit('log.entry', logEntry(10, 'seen'));
      const seen = await first.waitForEvent('the first entry', (event) => event.event === 'log.entry');
      first.close();
      await first.ended;
      manager.emit('log.entry', logEntry(11, 'missed one'));
      manager.emit('servers.changed', { serverIds: ['github'] });

      const resumed = await stream({ ...auth(), 'last-event-id': seen.id ?? '' });
      manager.emit('log.entry', logEntry(12, 'live again'));
      await resumed.waitForEvent('the live entry', (event) => event.event === 'log.entry' && (event.data as { seq: number }).seq === 12);
      expect(resumed.events().map((event) => event.data)).toEqual([logEntry(11, 'missed one'), { serverIds: ['github'] }, logEntry(12, 'live again')]);
    });

    it('says resync when it cannot replay (an unknown or foreign Last-Event-ID)', async () => {
      for (const lastEventId of ['0123abcd.5', 'garbage', '99999999.1']) {
        const resumed = await stream({ ...auth(), 'last-event-id': lastEventId });
        const resync = await resumed.waitForEvent('a resync', (event) => event.event === 'resync');
        // It carries a fresh id, so the next reconnect resumes from here.
        expect(resync.id).toMatch(/^[0-9a-f]{8}\.\d+$/);
      }
    });

    it('refuses a non-GET subscription', async () => {
      const response = await rawRequest(host.origin, '/api/events', { method: 'POST', headers: auth() });
      expect(response.status).toBe(405);
    });
  });

  describe('the UI files', () => {
    it('serves index.html with a strict CSP, nosniff, no referrer and no caching', async () => {
      const response = await rawRequest(host.origin, '/', { headers: auth() });
      expect(response.status).toBe(200);
      expect(response.body).toContain('<div id="root">');
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['content-security-policy']).toMatch(/^default-src 'self'; script-src 'self';/);
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['cache-control']).toBe('no-cache');
    });

    it('sets the content type of each kind of file, and long caching for hashed assets only', async () => {
      const asset = await rawRequest(host.origin, `/${HASHED_ASSET}`, { headers: auth() });
      expect([asset.status, asset.headers['content-type'], asset.headers['cache-control']]).toEqual([200, 'text/javascript; charset=utf-8', 'private, max-age=31536000, immutable']);
      const css = await rawRequest(host.origin, '/assets/style.css', { headers: auth() });
      expect([css.headers['content-type'], css.headers['cache-control']]).toEqual(['text/css; charset=utf-8', 'no-cache']);
      expect((await rawRequest(host.origin, '/logo.svg', { headers: auth() })).headers['content-type']).toBe('image/svg+xml');
      const head = await rawRequest(host.origin, `/${HASHED_ASSET}`, { method: 'HEAD', headers: auth() });
      expect([head.status, head.body, head.headers['content-length']]).toEqual([200, '', String('console.log("ui")'.length)]);
    });

    it('answers client-side routes with index.html and missing files with 404', async () => {
      expect((await rawRequest(host.origin, '/servers/weather', { headers: auth() })).body).toContain('<div id="root">');
      expect((await rawRequest(host.origin, '/assets/missing-Ab3dEf9_.js', { headers: auth() })).status).toBe(404);
    });

    it('never serves hidden files or anything outside the UI folder', async () => {
      for (const sneaky of ['/.env', '/../outside.txt', '/%2e%2e/outside.txt', '/assets/%2e%2e/%2e%2e/outside.txt', '/assets/..%2f..%2foutside.txt', '/%5c..%5coutside.txt', '/assets/escape.txt', '/%00']) {
        const response = await rawRequest(host.origin, sneaky, { headers: auth() });
        expect(response.status, sneaky).toBe(404);
        expect(response.body).not.toContain('not part of the UI');
      }
    });

    it('serves pages to GET and HEAD only', async () => {
      const response = await rawRequest(host.origin, '/', { method: 'DELETE', headers: auth() });
      expect([response.status, response.headers.allow]).toEqual([405, 'GET, HEAD']);
    });
  });

  it('close() ends every stream, lets go of the manager and stops listening', async () => {
    const own = await startServeHttp({ target: manager, uiDir });
    const before = manager.subscriberCount();
    const events = await openEventStream(own.origin, { authorization: `Bearer ${tokenOf(own.url)}` });
    await own.close();
    await events.ended;
    expect(manager.subscriberCount()).toBeLessThan(before);
    await expect(rawRequest(own.origin, '/')).rejects.toThrow(/ECONNREFUSED/);
  });
});
