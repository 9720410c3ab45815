/**
 * The newer clients on the Clients page: Codex's card writes TOML after showing the diff, and when
 * VS Code has both of its MCP files with our server in each, the page says which one VS Code reads
 * and moves ours out of the deprecated one. Every file and folder made here is removed afterwards.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { callHost, openApp } from './support/app';
import { readE2eContext } from './support/e2e-context';
import { saveScreenshot } from './support/screenshots';

const host = readE2eContext();
const CODEX_DIR = path.join(host.home, '.codex');
const CODEX_CONFIG = path.join(CODEX_DIR, 'config.toml');
const COPILOT_DIR = path.join(host.home, '.copilot');
const COPILOT_CONFIG = path.join(COPILOT_DIR, 'mcp-config.json');
const VSCODE_DIR = path.join(host.home, '.config', 'Code');
const VSCODE_CONFIG = path.join(VSCODE_DIR, 'User', 'mcp.json');

const CODEX_ORIGINAL = '# my Codex settings\nmodel = "gpt-5.5-codex"\n\n[profiles.fast]\nmodel = "gpt-5-mini"   # cheap\n';

async function writeText(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

async function confirmChange(page: Page, expectedInDiff: string): Promise<void> {
  const modal = page.getByTestId('diff-modal');
  await expect(modal.getByTestId('diff-view')).toContainText(expectedInDiff);
  await modal.getByRole('button', { name: 'Confirm and write' }).click();
  await expect(modal.getByTestId('client-change-done')).toBeVisible();
  await modal.getByTestId('diff-close').click();
  await expect(modal).toBeHidden();
}

test.describe('the newer clients', () => {
  test.afterAll(async () => {
    for (const folder of [CODEX_DIR, COPILOT_DIR, VSCODE_DIR]) await rm(folder, { recursive: true, force: true });
  });

  test("Codex's card shows the TOML diff first, then writes our tables and keeps the comments", async ({ page }) => {
    await writeText(CODEX_CONFIG, CODEX_ORIGINAL);
    await openApp(page, host, '#/clients');
    const card = page.getByTestId('client-card-codex');
    await expect(card).toContainText(CODEX_CONFIG);
    await expect(card.getByTestId('client-detected-codex')).toHaveText('Detected');

    await card.getByRole('button', { name: 'Add enabled servers' }).click();
    await expect(page.getByTestId('diff-modal')).toContainText('[mcp_servers.weather.env]');
    expect(await readFile(CODEX_CONFIG, 'utf8')).toBe(CODEX_ORIGINAL);
    await confirmChange(page, '+[mcp_servers.weather]');
    await expect(card.getByTestId('client-state-codex-weather')).toHaveAttribute('data-state', 'registered');

    const written = await readFile(CODEX_CONFIG, 'utf8');
    expect(written.startsWith(CODEX_ORIGINAL)).toBe(true);
    expect(written).toContain('\n[mcp_servers.weather]\n');
    expect(written).not.toContain(host.githubToken);

    await callHost(host, 'clients.unregister', { clientId: 'codex' });
    expect(await readFile(CODEX_CONFIG, 'utf8')).toBe(CODEX_ORIGINAL);
  });

  test("says which of VS Code's files it reads, and keeps a server listed in both only in the portable one", async ({ page }, testInfo) => {
    await writeText(COPILOT_CONFIG, '{\n  "mcpServers": {}\n}\n');
    await writeText(VSCODE_CONFIG, '{\n  "servers": {}\n}\n');
    await callHost(host, 'clients.register', { clientId: 'copilot', serverIds: ['weather'] });
    await callHost(host, 'clients.register', { clientId: 'vscode', serverIds: ['weather'] });

    await openApp(page, host, '#/clients');
    const notice = page.getByTestId('vscode-formats');
    await expect(notice).toContainText('Copilot in VS Code reads the portable file');
    await expect(notice).toContainText(COPILOT_CONFIG);
    await expect(notice.getByTestId('vscode-formats-duplicates')).toContainText('weather is in both files');
    await saveScreenshot(page, testInfo, 'clients-vscode-formats', { fullPage: false });

    await notice.getByTestId('vscode-formats-move').click();
    await expect(page.getByTestId('diff-modal')).toContainText(VSCODE_CONFIG);
    await confirmChange(page, '-    "weather": {');
    await expect(page.getByTestId('vscode-formats-duplicates')).toBeHidden();
    await expect(page.getByTestId('client-state-vscode-weather')).toHaveAttribute('data-state', 'not registered');
    await expect(page.getByTestId('client-state-copilot-weather')).toHaveAttribute('data-state', 'registered');
    expect(existsSync(VSCODE_CONFIG)).toBe(true);
    expect(JSON.parse(await readFile(VSCODE_CONFIG, 'utf8'))).toEqual({ servers: {} });
    await callHost(host, 'clients.unregister', { clientId: 'copilot' });
  });
});
