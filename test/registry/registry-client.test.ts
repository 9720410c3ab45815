import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../src/core/registry/registry-client';
import { startFakeRegistry, type FakeRegistry } from '../fixtures/fake-registry';
import { expectContractError } from '../support/contract-error';

const LIMIT = 64 * 1024;
/** Far more than the limit, yet bounded, so a client that reads it all only waits, never fills memory. */
const SENT_BYTES = 1024 * 1024;

/** Sends `SENT_BYTES` of a JSON page and then keeps the answer open, never ending it. */
function sendOversized(response: ServerResponse, headers: Record<string, string>): void {
  response.writeHead(200, { 'content-type': 'application/json', ...headers });
  response.write('{"servers":["');
  const chunk = 'x'.repeat(16 * 1024);
  let sent = 0;
  const more = () => {
    while (sent < SENT_BYTES && !response.destroyed) {
      sent += chunk.length;
      if (!response.write(chunk)) return void response.once('drain', more);
    }
  };
  more();
}

describe('the registry client against an oversized answer', () => {
  let registry: FakeRegistry;
  const client = () => new RegistryClient({ baseUrl: registry.url, maxAnswerBytes: LIMIT, timeoutMs: 600_000 });

  beforeAll(async () => {
    registry = await startFakeRegistry();
  });

  afterAll(() => registry?.close());

  it('refuses an answer whose content-length is over the limit without reading it', async () => {
    registry.setHandler((_request, response) => sendOversized(response, { 'content-length': String(100 * 1024 * 1024) }));
    const error = await expectContractError(client().search({ text: '' }), 'failed');
    expect(error.message).toMatch(/larger than 65536 bytes/);
  });

  it('stops reading an answer of no stated length once it passes the limit', async () => {
    registry.setHandler((_request, response) => sendOversized(response, {}));
    const error = await expectContractError(client().search({ text: '' }), 'failed');
    expect(error.message).toMatch(/larger than 65536 bytes/);
  });
});
