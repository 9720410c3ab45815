/**
 * Section 4: register MCP Tray's servers with Claude Desktop through the Clients view. The diff is
 * shown first and nothing is written until Confirm; then the config file in the sandbox HOME
 * (Linux: ~/.config/Claude/claude_desktop_config.json) has our launcher entries and no token,
 * though the GitHub token is set. The registration is removed again afterwards, so no other spec
 * sees it.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { callHost, ensureGitHubToken, openApp } from './support/app';
import { readE2eContext } from './support/e2e-context';
import { saveScreenshot } from './support/screenshots';

const host = readE2eContext();
const CLIENT = 'claude-desktop';
const CONFIG_DIR = path.join(host.home, '.config', 'Claude');
const CONFIG_PATH = path.join(CONFIG_DIR, 'claude_desktop_config.json');
const LAUNCHER = 'mcp-tray-launcher.js';

interface ClientEntry {
  command: string;
  args: string[];
  env?: Record<string, string>;
}

async function unregisterIfPresent(): Promise<void> {
  if (existsSync(CONFIG_PATH)) await callHost(host, 'clients.unregister', { clientId: CLIENT });
}

/** Every file under the Claude folder (the config and any backup made of it), with its text. */
async function claudeFolderFiles(): Promise<Array<{ file: string; text: string }>> {
  const names = await readdir(CONFIG_DIR, { recursive: true });
  const files: Array<{ file: string; text: string }> = [];
  for (const name of names) {
    const file = path.join(CONFIG_DIR, name);
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text !== null) files.push({ file, text });
  }
  return files;
}

test.describe('registering with Claude Desktop', () => {
  test.beforeAll(async () => {
    // A token is set, so its absence from the file means something.
    await ensureGitHubToken(host);
    await unregisterIfPresent();
  });

  test.afterAll(unregisterIfPresent);

  test('shows the diff first, writes on Confirm, and the file has our entries and no token', async ({ page }, testInfo) => {
    const serverIds = (await callHost(host, 'servers.list', {})).filter((server) => server.enabled).map((server) => server.id);
    expect(serverIds).toEqual(expect.arrayContaining(['weather', 'github']));
    const before = existsSync(CONFIG_PATH) ? await readFile(CONFIG_PATH, 'utf8') : null;

    await openApp(page, host, '#/clients');
    const card = page.getByTestId(`client-card-${CLIENT}`);
    await expect(card.getByRole('heading', { name: 'Claude Desktop' })).toBeVisible();
    await expect(card).toContainText(CONFIG_PATH);
    await expect(card.getByTestId(`client-state-${CLIENT}-weather`)).toHaveAttribute('data-state', 'not registered');
    await expect(card.getByTestId(`client-state-${CLIENT}-github`)).toHaveAttribute('data-state', 'not registered');

    await card.getByRole('button', { name: 'Add enabled servers' }).click();
    const modal = page.getByTestId('diff-modal');
    await expect(modal).toBeVisible();
    const diff = modal.getByTestId('diff-view');
    await expect(diff).toBeVisible();
    await expect(modal).toContainText(CONFIG_PATH);
    for (const id of ['weather', 'github']) await expect(diff).toContainText(`"${id}"`);
    await expect(diff).toContainText(LAUNCHER);
    expect((await diff.textContent())?.includes(host.githubToken)).toBe(false);
    await saveScreenshot(page, testInfo, 'clients-diff', { fullPage: false });
    // Shown, not yet written.
    expect(existsSync(CONFIG_PATH) ? await readFile(CONFIG_PATH, 'utf8') : null).toBe(before);

    await modal.getByRole('button', { name: 'Confirm and write' }).click();
    await expect(modal.getByTestId('client-change-done')).toBeVisible();
    await expect(modal.getByTestId('restart-hint')).toContainText('Restart Claude Desktop to apply');
    await modal.getByTestId('diff-close').click();
    await expect(modal).toBeHidden();
    await expect(card.getByTestId(`client-state-${CLIENT}-weather`)).toHaveAttribute('data-state', 'registered');
    await expect(card.getByTestId(`client-state-${CLIENT}-github`)).toHaveAttribute('data-state', 'registered');

    const text = await readFile(CONFIG_PATH, 'utf8');
    const config = JSON.parse(text) as { mcpServers?: Record<string, ClientEntry> };
    for (const id of serverIds) {
      const entry = config.mcpServers?.[id];
      expect(entry, `an entry for ${id}`).toBeDefined();
      expect(path.isAbsolute(entry?.command ?? '')).toBe(true);
      expect(entry?.args).toHaveLength(2);
      expect(path.basename(entry?.args[0] ?? '')).toBe(LAUNCHER);
      expect(entry?.args[1]).toBe(id);
      // The launcher reads secrets from the keychain; the entry only says where the data is.
      expect(Object.keys(entry?.env ?? {})).not.toContain('GITHUB_TOKEN');
    }
    expect(config.mcpServers?.github?.env?.MCP_TRAY_HOME).toBe(host.dataDir);

    // No token in the file, nor in anything else written next to it (backups).
    const files = await claudeFolderFiles();
    expect(files.map((entry) => entry.file)).toContain(CONFIG_PATH);
    for (const { file, text: content } of files) expect(content.includes(host.githubToken), `the token is in ${file}`).toBe(false);
    expect(text.includes(host.githubToken)).toBe(false);
  });
});
