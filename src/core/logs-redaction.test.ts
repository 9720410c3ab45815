import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../shared/contract';
import { LogStore } from './logs';

const SECRET = 'weather-key-8c1f2e';
const OTHER_SECRET = 'second-Secret-77';
const GITHUB_TOKEN = `ghp_${'Zx9'.repeat(12)}`;
const FINE_GRAINED_TOKEN = `github_pat_${'11AB_'.repeat(10)}`;
const OAUTH_TOKEN = `gho_${'q1W2e3'.repeat(6)}`;
const BEARER_CREDENTIAL = 'eyJhbGciOi.payload.sig';
const EVERY_SECRET = [SECRET, OTHER_SECRET, GITHUB_TOKEN, FINE_GRAINED_TOKEN, OAUTH_TOKEN, BEARER_CREDENTIAL];

let root: string;
let store: LogStore;
let emitted: LogEntry[];

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mcp-tray-logs-redaction-'));
  store = new LogStore({ dir: root, bufferSize: 100 });
  emitted = [];
  store.subscribe((entry) => emitted.push(entry));
  store.setSecrets('github', [SECRET, OTHER_SECRET]);
});

afterEach(async () => {
  await store.close();
  await rm(root, { recursive: true, force: true });
});

function expectNoSecret(text: string): void {
  for (const secret of EVERY_SECRET) expect(text).not.toContain(secret);
}

/** Everything a secret could leak through: returned entries, emitted entries, queries and the file. */
async function everywhere(returned: LogEntry[]): Promise<string> {
  await store.flush();
  const file = await readFile(path.join(root, 'github.jsonl'), 'utf8');
  return [JSON.stringify(returned), JSON.stringify(emitted), JSON.stringify(store.query({ limit: 1_000 })), file].join('\n');
}

describe('LogStore redaction', () => {
  it('redacts injected secrets in messages and in nested fields before storing, emitting or writing', async () => {
    const returned = [
      store.append({
        serverId: 'github',
        level: 'info',
        source: 'call',
        message: `calling with ${SECRET}`,
        fields: { args: { token: SECRET, list: ['fine', { deeper: `x-${OTHER_SECRET}-y` }] } },
      }),
      store.appendStderrLine('github', JSON.stringify({ level: 30, msg: `env has ${OTHER_SECRET}`, env: { GITHUB_TOKEN: SECRET } })),
      store.appendStderrLine('github', `plain echo ${SECRET}`),
    ];

    const all = await everywhere(returned);
    expectNoSecret(all);
    expect(returned.map((entry) => entry.message)).toEqual(['calling with [redacted]', 'env has [redacted]', 'plain echo [redacted]']);
    expect(returned[0]?.fields).toEqual({ args: { token: '[redacted]', list: ['fine', { deeper: 'x-[redacted]-y' }] } });
    expect(returned[1]?.fields).toEqual({ env: { GITHUB_TOKEN: '[redacted]' } });
  });

  it('redacts token shapes nobody told it about', async () => {
    const returned = [
      store.appendStderrLine('github', `classic ${GITHUB_TOKEN}`),
      store.appendStderrLine('github', `fine-grained ${FINE_GRAINED_TOKEN} and oauth ${OAUTH_TOKEN}`),
      store.appendStderrLine('github', JSON.stringify({ level: 40, msg: 'request', headers: { authorization: `Bearer ${BEARER_CREDENTIAL}` } })),
      store.append({ serverId: 'github', level: 'info', source: 'mcp', message: `Authorization: Bearer ${BEARER_CREDENTIAL}` }),
      store.append({ serverId: 'github', level: 'info', source: 'mcp', message: 'stack', fields: { output: `first line\n${GITHUB_TOKEN}` } }),
    ];

    const all = await everywhere(returned);
    expectNoSecret(all);
    expect(returned[0]?.message).toBe('classic [redacted]');
    expect(returned[1]?.message).toBe('fine-grained [redacted] and oauth [redacted]');
    expect(returned[4]?.fields).toEqual({ output: 'first line\n[redacted]' });
  });

  it('redacts a secret straddling the cut of an oversized line', async () => {
    const line = `${'a'.repeat(16 * 1024 - 4)}${SECRET}${'b'.repeat(50_000)}`;
    const returned = [store.appendStderrLine('github', line)];
    expectNoSecret(await everywhere(returned));
  });

  it('applies secrets to later entries of that server only, and replaces them on the next setSecrets', () => {
    const before = store.append({ serverId: 'weather', level: 'info', source: 'stderr', message: `weather sees ${OTHER_SECRET}` });
    expect(before.message).toBe(`weather sees ${OTHER_SECRET}`);
    store.setSecrets('weather', [OTHER_SECRET]);
    expect(store.appendStderrLine('weather', `now ${OTHER_SECRET}`).message).toBe('now [redacted]');
    store.setSecrets('github', ['rotated-value-123']);
    expect(store.appendStderrLine('github', 'rotated-value-123 and old weather-key-8c1f2e').message).toBe(`[redacted] and old ${SECRET}`);
  });

  it('keeps redacting a removed server’s secrets if it logs again', () => {
    void store.removeServer('github');
    expect(store.appendStderrLine('github', `late ${SECRET}`).message).toBe('late [redacted]');
  });
});
