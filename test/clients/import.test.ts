/**
 * Importing each client's servers: from a config shaped like a real one with a plaintext token, the
 * token ends up in the keychain (checked with secret-tool, not through MCP Tray), nowhere on disk but
 * the backup the summary names, the rewritten entry starts the server as the client would start it,
 * and every other byte of the file stays.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/core/clients/config-syntax';
import { clientById } from '../../src/core/clients/all-clients';
import { chaosServerPath } from '../support/chaos';
import { createClientSandbox, type ClientSandbox } from './support/client-sandbox';
import { connectToEntry, ConfigEntrySchema } from './support/entry-process';
import { filesContaining, jsonValueSpan, keychainLookup } from './support/import-checks';
import { importFixtures } from './support/import-configs';

const TOKEN_NAME = 'GITHUB_PERSONAL_ACCESS_TOKEN';

function freshToken(): string {
  return `ghp_${randomBytes(18).toString('hex')}`;
}

/** The bytes before and after the imported entry: what must not change. */
function surroundings(clientId: string, text: string): { before: string; after: string } {
  if (clientId === 'codex') {
    const start = text.indexOf('[mcp_servers.github]');
    const end = text.indexOf('# The docs server');
    return { before: text.slice(0, start), after: text.slice(end) };
  }
  const span = jsonValueSpan(text, [clientById(clientId as never).serversKey, 'github']);
  return { before: text.slice(0, span.start), after: text.slice(span.end) };
}

describe('importing a client config with a plaintext token', () => {
  let sandbox: ClientSandbox | undefined;
  afterEach(async () => {
    await sandbox?.remove();
    sandbox = undefined;
  });

  for (const fixtureClient of importFixtures({ node: '', server: '', token: '' }).map((fixture) => fixture.clientId)) {
    it(`moves the token of a ${fixtureClient} entry into the keychain and rewrites the entry to start through MCP Tray`, async () => {
      const token = freshToken();
      const fixture = importFixtures({ node: process.execPath, server: chaosServerPath, token }).find((candidate) => candidate.clientId === fixtureClient);
      if (!fixture) throw new Error('no fixture');
      const box = (sandbox = await createClientSandbox(`import-${fixture.clientId}`));
      const configPath = await box.writeConfig(fixture.clientId, fixture.text);

      const plan = await box.core.call('clients.importPlan', { clientId: fixture.clientId });
      const entry = plan.entries.find((candidate) => candidate.name === 'github');
      // The bundled "github" holds the id: the imported one gets a suffix, and the mapping says so.
      expect(entry?.serverId).toBe('github-2');
      expect(entry?.env.find((variable) => variable.name === TOKEN_NAME)).toMatchObject({ secret: true, reason: 'name', value: null });
      expect(entry?.env.find((variable) => variable.name === 'LOG_LEVEL')).toMatchObject({ secret: false, value: 'info' });
      expect(plan.remote.map((remote) => remote.name)).toContain(fixture.remoteName);
      expect(JSON.stringify(plan)).not.toContain(token);

      const summary = await box.core.call('clients.import', { clientId: fixture.clientId, choices: [{ key: entry?.key ?? '' }], rewrite: true });
      expect(summary.added).toEqual([expect.objectContaining({ name: 'github', serverId: 'github-2', secrets: [TOKEN_NAME] })]);
      expect(summary.rewritten).toBe(true);
      expect(summary.backupHoldsSecrets).toBe(true);
      expect(JSON.stringify(summary)).not.toContain(token);

      expect(await keychainLookup(box.keychainService, `github-2/${TOKEN_NAME}`)).toBe(token);
      expect(await filesContaining(token, box.home, box.dataDir)).toEqual([summary.backupPath]);

      const text = await readFile(configPath, 'utf8');
      const original = surroundings(fixture.clientId, fixture.text);
      expect(text.startsWith(original.before)).toBe(true);
      expect(text.endsWith(original.after)).toBe(true);

      const client = clientById(fixture.clientId);
      const rewritten = ConfigEntrySchema.parse(parseConfigText(text, client.syntax, client.serversKey, configPath).servers.github);
      const started = await connectToEntry(rewritten);
      try {
        const { tools } = await started.client.listTools();
        expect(tools.map((tool) => tool.name)).toContain('env_keys');
        const keys = await started.client.callTool({ name: 'env_keys', arguments: {} });
        expect(JSON.stringify(keys)).toContain(TOKEN_NAME);
      } finally {
        await started.close();
      }

      await box.core.call('clients.dropBackup', { path: summary.backupPath ?? '' });
      expect(await filesContaining(token, box.home, box.dataDir)).toEqual([]);
    });
  }
});
