/**
 * What an import must never leak or lose: credentials in the diff, a token argument carried into
 * MCP Tray's settings, a rewritten file whose servers were undone, backups still holding a moved
 * token, and keychain values that were there before the import.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createClientSandbox, type ClientSandbox } from './support/client-sandbox';

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
});
