import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectContractError } from '../../test/support/contract-error';
import { requireTestKeychain, startIsolatedKeyring, type IsolatedKeyring } from '../../test/support/isolated-keyring';
import { DEFAULT_KEYCHAIN_SERVICE } from '../shared/vocabulary';
import {
  KeytarSecretStore,
  MAX_SECRET_BYTES,
  keychainUnavailableMessage,
  maxSecretBytes,
} from './secrets';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const secretsModuleUrl = pathToFileURL(fileURLToPath(new URL('./secrets.ts', import.meta.url))).href;

/** Asked for in each test, so that without a keychain every one of them fails with the reason. */
function testKeychainService(): string {
  const { keychainService } = requireTestKeychain();
  // Belt and braces: a test must never write under the real service name.
  expect(keychainService).not.toBe(DEFAULT_KEYCHAIN_SERVICE);
  return `${keychainService} secrets.test`;
}

describe('KeytarSecretStore on the isolated keychain', () => {
  let service: string;
  let store: KeytarSecretStore;

  beforeEach(() => {
    service = testKeychainService();
    store = new KeytarSecretStore(service);
  });

  it('sets, finds, reads and deletes a secret', async () => {
    expect(await store.has('github', 'GITHUB_TOKEN')).toBe(false);
    expect(await store.get('github', 'GITHUB_TOKEN')).toBeUndefined();

    await store.set('github', 'GITHUB_TOKEN', 'ghp_roundtrip0123456789abcdefghijklmnopq');
    expect(await store.has('github', 'GITHUB_TOKEN')).toBe(true);
    expect(await store.get('github', 'GITHUB_TOKEN')).toBe('ghp_roundtrip0123456789abcdefghijklmnopq');

    expect(await store.delete('github', 'GITHUB_TOKEN')).toBe(true);
    expect(await store.has('github', 'GITHUB_TOKEN')).toBe(false);
    expect(await store.get('github', 'GITHUB_TOKEN')).toBeUndefined();
  });

  it('stores under the account <serverId>/<ENV_NAME> of its service', async () => {
    await store.set('memory', 'API_KEY', 'stored-where-documented');
    // keytar itself, straight to the keychain: the layout other tools (and the launcher) rely on.
    const keytar = createRequire(import.meta.url)('keytar') as typeof import('keytar');
    expect(await keytar.getPassword(service, 'memory/API_KEY')).toBe('stored-where-documented');
    expect(await keytar.getPassword(DEFAULT_KEYCHAIN_SERVICE, 'memory/API_KEY')).toBeNull();
    await store.delete('memory', 'API_KEY');
  });

  it('keeps unicode values intact', async () => {
    const value = 'pässwörd 🔑 密码 — ñ';
    await store.set('weather', 'API_KEY', value);
    expect(await store.get('weather', 'API_KEY')).toBe(value);
    await store.delete('weather', 'API_KEY');
  });

  it('replaces a value that is set again', async () => {
    await store.set('github', 'GITHUB_TOKEN', 'first-value');
    await store.set('github', 'GITHUB_TOKEN', 'second-value');
    expect(await store.get('github', 'GITHUB_TOKEN')).toBe('second-value');
    await store.delete('github', 'GITHUB_TOKEN');
  });

  it('keeps servers and names apart', async () => {
    await store.set('one', 'TOKEN', 'value-one');
    await store.set('two', 'TOKEN', 'value-two');
    await store.set('one', 'OTHER', 'value-other');
    expect(await store.get('one', 'TOKEN')).toBe('value-one');
    expect(await store.get('two', 'TOKEN')).toBe('value-two');
    expect(await store.get('one', 'OTHER')).toBe('value-other');
    await store.delete('one', 'TOKEN');
    expect(await store.get('two', 'TOKEN')).toBe('value-two');
    await store.delete('two', 'TOKEN');
    await store.delete('one', 'OTHER');
  });

  it('reports false when deleting a secret that is not set', async () => {
    expect(await store.delete('github', 'NEVER_SET')).toBe(false);
  });

  it('accepts a value of exactly the size limit', async () => {
    const value = 'x'.repeat(MAX_SECRET_BYTES);
    await store.set('big', 'BLOB', value);
    expect(await store.get('big', 'BLOB')).toBe(value);
    await store.delete('big', 'BLOB');
  });

  it('refuses bad ids, names and values before touching the keychain, without quoting the value', async () => {
    expect((await expectContractError(store.set('Not An Id', 'TOKEN', 'v'), 'invalid_input')).message).toMatch(/server id/i);
    expect((await expectContractError(store.get('github', '1BAD'), 'invalid_input')).message).toMatch(/secret name/i);
    await expectContractError(store.has('../etc', 'TOKEN'), 'invalid_input');
    await expectContractError(store.delete('github', 'BAD-NAME'), 'invalid_input');

    expect((await expectContractError(store.set('github', 'GITHUB_TOKEN', ''), 'invalid_input')).message).toMatch(/empty/);
    const withNul = await expectContractError(store.set('github', 'GITHUB_TOKEN', 'abc\0secret-after-nul'), 'invalid_input');
    expect(withNul.message).not.toContain('secret-after-nul');
    const oversized = 'é'.repeat(MAX_SECRET_BYTES / 2 + 1);
    const tooLarge = await expectContractError(store.set('github', 'GITHUB_TOKEN', oversized), 'invalid_input');
    expect(tooLarge.message).toContain(String(MAX_SECRET_BYTES));
    expect(tooLarge.message).not.toContain('éé');
    expect(await store.has('github', 'GITHUB_TOKEN')).toBe(false);
  });
});

describe('keychain errors a person can act on', () => {
  it('says what to install or unlock on each OS', () => {
    const linux = keychainUnavailableMessage('linux', 'no Secret Service');
    expect(linux).toContain('gnome-keyring');
    expect(linux).toContain('KeePassXC');
    expect(linux).toContain('unlock');
    expect(keychainUnavailableMessage('darwin', 'locked')).toContain('login keychain');
    expect(keychainUnavailableMessage('win32', 'denied')).toContain('Credential Manager');
    for (const message of [linux, keychainUnavailableMessage('darwin', 'x'), keychainUnavailableMessage('win32', 'x')]) {
      expect(message).toContain('never in a file');
    }
  });

  it('uses the smaller Windows Credential Manager limit on Windows', () => {
    expect(maxSecretBytes('win32')).toBe(2_560);
    expect(maxSecretBytes('linux')).toBe(MAX_SECRET_BYTES);
  });
});

interface ChildOutcome {
  outcome: 'stored' | 'error';
  code?: string;
  message?: string;
  fsStillWorks?: boolean;
  abandoned?: boolean;
}

/**
 * libsecret keeps its first D-Bus connection for the life of a process, so every keychain setup gets its
 * own process. Resolves with the child's last stdout line, however the child ended.
 */
function runInChild(code: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', code],
      { cwd: projectRoot, env: { PATH: process.env.PATH ?? '', SECRETS_MODULE_URL: secretsModuleUrl, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const lastLine = stdout.trim().split('\n').at(-1) ?? '';
        if (lastLine === '') reject(new Error(`child printed nothing: ${error?.message ?? ''}\n${stderr}`));
        else resolve(lastLine);
      },
    );
  });
}

const CHILD_SECRET = 'child-secret-value-9f8e7d6c5b4a';

/** Stores one secret (then deletes it), or reports the error; with `calls` > 1, that many at once. */
const setSecretInChild = `
  import fs from 'node:fs';
  const { KeytarSecretStore, hasAbandonedKeychainCall } = await import(process.env.SECRETS_MODULE_URL);
  const store = new KeytarSecretStore(process.env.MCP_TRAY_KEYCHAIN_SERVICE, { timeoutMs: Number(process.env.KEYCHAIN_TIMEOUT_MS ?? 10000) });
  const calls = Number(process.env.CALLS ?? 1);
  const results = await Promise.allSettled(Array.from({ length: calls }, (_, index) => store.set('github', 'TOKEN_' + index, ${JSON.stringify(CHILD_SECRET)})));
  const failure = results.find((result) => result.status === 'rejected');
  // Proves the thread pool is not exhausted by hung keychain calls: file I/O must still complete.
  const fsStillWorks = await Promise.race([
    fs.promises.stat(process.execPath).then(() => true),
    new Promise((resolve) => setTimeout(() => resolve(false), 10000)),
  ]);
  if (failure) {
    const { code, message } = failure.reason;
    console.log(JSON.stringify({ outcome: 'error', code, message, fsStillWorks, abandoned: hasAbandonedKeychainCall() }));
  } else {
    for (let index = 0; index < calls; index += 1) await store.delete('github', 'TOKEN_' + index);
    console.log(JSON.stringify({ outcome: 'stored', fsStillWorks, abandoned: hasAbandonedKeychainCall() }));
  }
  // A call stuck in libsecret would hold up a normal exit (libuv joins its threads), so end hard, as documented.
  if (hasAbandonedKeychainCall()) process.kill(process.pid, 'SIGKILL');
  process.exit(0);
`;

describe('KeytarSecretStore when no keychain is reachable (each case in its own process)', () => {
  let scratch: string;

  beforeAll(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-secrets-'));
  });

  afterAll(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  /** A child environment that can reach no real bus: own HOME and runtime folder, no DISPLAY. */
  function sealedEnv(extra: Record<string, string>): Record<string, string> {
    return { HOME: scratch, XDG_RUNTIME_DIR: scratch, MCP_TRAY_KEYCHAIN_SERVICE: `MCP Tray test unreachable ${path.basename(scratch)}`, ...extra };
  }

  function expectUnavailable(result: ChildOutcome): void {
    expect(result.outcome, JSON.stringify(result)).toBe('error');
    expect(result.code).toBe('unavailable');
    expect(result.message).toContain('not available');
    expect(result.message).toContain('Install and start gnome-keyring (or another Secret Service such as KeePassXC) and unlock it');
    expect(result.message).toContain('never in a file');
    expect(result.message).not.toContain(CHILD_SECRET);
  }

  it('the same child stores a secret when the test keychain is reachable (so the failures below mean something)', async () => {
    const result = JSON.parse(await runInChild(setSecretInChild, { ...requireTestKeychain().env })) as ChildOutcome;
    expect(result).toEqual({ outcome: 'stored', fsStillWorks: true, abandoned: false });
  });

  it('fails clearly when the D-Bus address points at a dead socket', async () => {
    const result = JSON.parse(
      await runInChild(setSecretInChild, sealedEnv({ DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(scratch, 'no-such-bus')}` })),
    ) as ChildOutcome;
    expectUnavailable(result);
  });

  it('fails clearly when there is no D-Bus session at all', async () => {
    const result = JSON.parse(await runInChild(setSecretInChild, sealedEnv({}))) as ChildOutcome;
    expectUnavailable(result);
  });

  it('fails clearly when the bus has no Secret Service on it', async () => {
    const bareBus = await startIsolatedKeyring({ secretService: false });
    try {
      const result = JSON.parse(await runInChild(setSecretInChild, sealedEnv(bareBus.env))) as ChildOutcome;
      expectUnavailable(result);
      expect(result.message).toContain('org.freedesktop.secrets');
    } finally {
      await bareBus.stop();
    }
  });

  it('gives up on a Secret Service that never answers, without pinning the thread pool', async () => {
    const frozen: IsolatedKeyring = await startIsolatedKeyring();
    try {
      // A stopped daemon keeps its bus name, so calls reach it and simply never come back.
      process.kill(frozen.secretServicePid ?? -1, 'SIGSTOP');
      const result = JSON.parse(
        await runInChild(setSecretInChild, sealedEnv({ ...frozen.env, KEYCHAIN_TIMEOUT_MS: '1000', CALLS: '6' })),
      ) as ChildOutcome;
      expectUnavailable(result);
      expect(result.message).toContain('did not answer');
      expect(result.fsStillWorks).toBe(true);
      expect(result.abandoned).toBe(true);
    } finally {
      await frozen.stop();
    }
  });

  it('does not load the native keytar module until a secret is used', async () => {
    const code = `
      const keytarLoaded = () => process.report.getReport().sharedObjects.some((file) => file.endsWith('keytar.node'));
      const { KeytarSecretStore } = await import(process.env.SECRETS_MODULE_URL);
      const store = new KeytarSecretStore(process.env.MCP_TRAY_KEYCHAIN_SERVICE);
      const afterImport = keytarLoaded();
      await store.has('github', 'GITHUB_TOKEN');
      console.log(JSON.stringify({ afterImport, afterUse: keytarLoaded() }));
    `;
    expect(JSON.parse(await runInChild(code, { ...requireTestKeychain().env }))).toEqual({ afterImport: false, afterUse: true });
  });
});
