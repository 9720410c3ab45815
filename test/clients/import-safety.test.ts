/**
 * What an import must never leak or lose: credentials in the diff, a token argument carried into
 * MCP Tray's settings, a rewritten file whose servers were undone, backups still holding a moved
 * token, and keychain values that were there before the import.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../src/core/secrets';
import { createClientSandbox, rejection, type ClientSandbox } from './support/client-sandbox';

const API_KEY = `zq81Xc4PLmv02Wnt${randomBytes(6).toString('hex')}`;
const DB_PASSWORD = `hunter2pass${randomBytes(4).toString('hex')}`;

function mcpServers(servers: Record<string, unknown>): string {
  return `${JSON.stringify({ mcpServers: servers }, undefined, 2)}\n`;
}

describe('import safety', () => {
  let sandbox: ClientSandbox | undefined;
  afterEach(async () => {
    await sandbox?.remove();
    sandbox = undefined;
  });
  const open = async (prefix: string, overrides: Parameters<typeof createClientSandbox>[1] = {}) => (sandbox = await createClientSandbox(prefix, overrides));

  it('masks token arguments and URL passwords of the replaced entries in the diff', async () => {
    const box = await open('import-diff-mask');
    await box.writeConfig(
      'cursor',
      mcpServers({
        search: { command: 'npx', args: ['search-mcp', `--api-key=${API_KEY}`] },
        db: { command: 'npx', args: ['db-mcp'], env: { DATABASE_URL: `postgres://admin:${DB_PASSWORD}@db/x` } },
      }),
    );
    const plan = await box.core.call('clients.importPlan', { clientId: 'cursor' });
    const choices = plan.entries.map((entry) => ({ key: entry.key, keepTokenArgs: true }));

    const summary = await box.core.call('clients.import', { clientId: 'cursor', choices, rewrite: true, dryRun: true });

    expect(summary.diff).toContain('[redacted]');
    expect(summary.diff).not.toContain(API_KEY);
    expect(summary.diff).not.toContain(DB_PASSWORD);
  });

  it('leaves an entry with a token argument out unless chosen, and moves a URL with a password to the keychain', async () => {
    const box = await open('import-token-args');
    const configPath = await box.writeConfig(
      'cursor',
      mcpServers({
        search: { command: 'npx', args: ['search-mcp', `--api-key=${API_KEY}`] },
        db: { command: 'npx', args: ['db-mcp'], env: { DATABASE_URL: `postgres://admin:${DB_PASSWORD}@db/x` } },
      }),
    );
    const plan = await box.core.call('clients.importPlan', { clientId: 'cursor' });
    const search = plan.entries.find((entry) => entry.name === 'search');
    expect(search?.argsHoldToken).toBe(true);
    expect(search?.flags.join(' ')).toContain('move the token into an environment variable the server reads');
    expect(plan.entries.find((entry) => entry.name === 'db')?.env).toEqual([expect.objectContaining({ name: 'DATABASE_URL', secret: true, reason: 'url', value: null })]);

    const refused = await rejection(box.core.call('clients.import', { clientId: 'cursor', choices: [{ key: search?.key ?? '' }] }));
    expect(refused.code).toBe('invalid_input');

    const summary = await box.core.call('clients.import', { clientId: 'cursor', rewrite: true });
    expect(summary.added.map((server) => server.serverId)).toEqual(['db']);
    expect(await new KeytarSecretStore(box.keychainService).get('db', 'DATABASE_URL')).toBe(`postgres://admin:${DB_PASSWORD}@db/x`);
    const settings = await readFile(path.join(box.dataDir, 'settings.json'), 'utf8');
    expect(settings).not.toContain(API_KEY);
    expect(settings).not.toContain(DB_PASSWORD);
    expect(await readFile(configPath, 'utf8')).toContain(`--api-key=${API_KEY}`);
  });

  it('keeps what it imported when pruning old backups fails after the file was replaced', async () => {
    const secret = `ghp_${randomBytes(18).toString('hex')}`;
    let backupsDir = '';
    // A folder where the oldest backup would be: pruning cannot delete it.
    const box = await open('import-prune-fails', {
      backupsKept: 1,
      beforeRename: async () => {
        await mkdir(path.join(backupsDir, 'mcp.json.2000-01-01T00-00-00-000Z-000.bak'));
      },
    });
    backupsDir = path.join(box.dataDir, 'backups', 'cursor');
    const configPath = await box.writeConfig('cursor', mcpServers({ gh: { command: 'npx', args: ['gh-mcp'], env: { GH_TOKEN: secret } } }));

    const summary = await box.core.call('clients.import', { clientId: 'cursor', rewrite: true });

    expect(summary.rewritten).toBe(true);
    expect(summary.flags.join(' ')).toContain('could not be pruned');
    expect(await readFile(configPath, 'utf8')).not.toContain(secret);
    expect((await box.core.call('servers.list', {})).map((server) => server.id)).toContain('gh');
    expect(await new KeytarSecretStore(box.keychainService).get('gh', 'GH_TOKEN')).toBe(secret);
  });

  it('names every backup of the client that still holds a moved token, and each can be deleted', async () => {
    const secret = `ghp_${randomBytes(18).toString('hex')}`;
    const box = await open('import-old-backups');
    const text = mcpServers({ gh: { command: 'npx', args: ['gh-mcp'], env: { GH_TOKEN: secret } } });
    await box.writeConfig('cursor', text);
    const backupsDir = path.join(box.dataDir, 'backups', 'cursor');
    await mkdir(backupsDir, { recursive: true });
    const older = path.join(backupsDir, 'mcp.json.2020-01-01T00-00-00-000Z-000.bak');
    const clean = path.join(backupsDir, 'mcp.json.2020-01-02T00-00-00-000Z-000.bak');
    await writeFile(older, text);
    await writeFile(clean, mcpServers({}));

    const summary = await box.core.call('clients.import', { clientId: 'cursor', rewrite: true });

    expect(summary.backupsWithSecrets).toEqual([older, summary.backupPath]);
    for (const backup of summary.backupsWithSecrets) await box.core.call('clients.dropBackup', { path: backup });
    expect(existsSync(older)).toBe(false);
    expect(existsSync(clean)).toBe(true);
  });

  it('puts back a keychain value that was there before when the import fails', async () => {
    const box = await open('import-keychain-before');
    const keychain = new KeytarSecretStore(box.keychainService);
    await keychain.set('big', 'A_TOKEN', 'value-from-before');
    // The second value is over the keychain's size limit: storing it fails after the first replaced the old value.
    await box.writeConfig('cursor', mcpServers({ big: { command: 'npx', args: ['big-mcp'], env: { A_TOKEN: `ghp_${randomBytes(18).toString('hex')}`, B_TOKEN: 'x'.repeat(17 * 1024) } } }));

    expect((await rejection(box.core.call('clients.import', { clientId: 'cursor', rewrite: true }))).message).toContain('Nothing was imported.');

    expect(await keychain.get('big', 'A_TOKEN')).toBe('value-from-before');
    expect(await keychain.get('big', 'B_TOKEN')).toBeUndefined();
  });
});
