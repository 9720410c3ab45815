/**
 * Importing a client's servers from the Clients page: the plan with its checkboxes, the diff before
 * anything is written, the summary naming the backup that still holds the token, and deleting it.
 * The token is looked up afterwards with secret-tool, as any other program would see the keychain.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { callHost, openApp } from './support/app';
import { readE2eContext } from './support/e2e-context';
import { saveScreenshot } from './support/screenshots';

const host = readE2eContext();
const WINDSURF_DIR = path.join(host.home, '.codeium', 'windsurf');
const WINDSURF_CONFIG = path.join(WINDSURF_DIR, 'mcp_config.json');
const SERVER_ID = 'notes-e2e';

async function keychainLookup(account: string): Promise<string> {
  const { stdout } = await promisify(execFile)('secret-tool', ['lookup', 'service', host.cliEnv.MCP_TRAY_KEYCHAIN_SERVICE ?? '', 'account', account], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...host.cliEnv } });
  return stdout;
}

test.describe('importing from a client', () => {
  test.afterEach(async () => {
    await callHost(host, 'servers.remove', { id: SERVER_ID }).catch(() => undefined);
    await rm(WINDSURF_DIR, { recursive: true, force: true });
  });

  test('shows the plan and the diff, imports the chosen entry with its token in the keychain, and deletes the backup', async ({ page }, testInfo) => {
    const token = `ghp_${randomBytes(18).toString('hex')}`;
    const otherToken = `ghp_${randomBytes(18).toString('hex')}`;
    const apiKey = `zq81Xc4PLmv02Wnt${randomBytes(6).toString('hex')}`;
    await mkdir(WINDSURF_DIR, { recursive: true });
    const original = `${JSON.stringify(
      {
        mcpServers: {
          [SERVER_ID]: { command: 'npx', args: ['-y', 'notes-mcp'], env: { NOTES_API_TOKEN: token, NOTES_REGION: 'eu' } },
          'other-e2e': { command: 'uvx', args: ['other-mcp'], env: { OTHER_PAT: otherToken } },
          'flagged-e2e': { command: 'npx', args: ['flagged-mcp', `--api-key=${apiKey}`] },
          'remote-e2e': { serverUrl: 'https://remote.example.com/mcp' },
        },
      },
      undefined,
      2,
    )}\n`;
    await writeFile(WINDSURF_CONFIG, original);

    await openApp(page, host, '#/clients');
    await page.getByTestId('client-import-windsurf').click();
    const modal = page.getByTestId('import-modal');
    await expect(modal.getByTestId(`import-entry-${SERVER_ID}`)).toContainText('notes-mcp');
    await expect(modal.getByTestId(`import-secret-${SERVER_ID}-NOTES_API_TOKEN`)).toBeChecked();
    await expect(modal.getByTestId(`import-secret-${SERVER_ID}-NOTES_REGION`)).not.toBeChecked();
    await expect(modal.getByTestId('import-remote')).toContainText('remote-e2e');
    await expect(modal.getByTestId('import-rewrite')).toBeChecked();
    await expect(modal).not.toContainText(token);
    // A token in the arguments would stay in plain text in MCP Tray's settings: left out unless the user checks it.
    await expect(modal.getByTestId('import-include-flagged-e2e')).not.toBeChecked();
    await expect(modal.getByTestId('import-entry-flagged-e2e')).toContainText('move the token into an environment variable the server reads');
    await expect(modal).not.toContainText(apiKey);
    await modal.getByTestId('import-include-other-e2e').uncheck();
    await saveScreenshot(page, testInfo, 'clients-import-plan', { fullPage: false });

    await modal.getByTestId('import-review').click();
    await expect(modal.getByTestId('diff-view')).toContainText('mcp-tray-launcher.js');
    await expect(modal.getByTestId('diff-view')).not.toContainText(token);
    await expect(modal.getByTestId('diff-view')).not.toContainText(apiKey);
    expect(await readFile(WINDSURF_CONFIG, 'utf8')).toBe(original);
    await saveScreenshot(page, testInfo, 'clients-import-diff', { fullPage: false });

    await modal.getByTestId('import-confirm').click();
    const summary = modal.getByTestId('import-summary');
    await expect(summary.getByTestId(`import-added-${SERVER_ID}`)).toContainText('moved to the keychain: NOTES_API_TOKEN');
    await expect(summary.getByTestId('import-backup')).toContainText('It still holds the plaintext token.');
    const backupPath = (await summary.getByTestId('import-backup').locator('code').textContent()) ?? '';
    expect(existsSync(backupPath)).toBe(true);
    await saveScreenshot(page, testInfo, 'clients-import-summary', { fullPage: false });

    expect(await keychainLookup(`${SERVER_ID}/NOTES_API_TOKEN`)).toBe(token);
    const written = await readFile(WINDSURF_CONFIG, 'utf8');
    expect(written).not.toContain(token);
    expect(written).toContain(otherToken);

    await summary.getByTestId('import-drop-backup').click();
    await expect(summary.getByTestId('import-backup-deleted')).toBeVisible();
    expect(existsSync(backupPath)).toBe(false);
    await modal.getByTestId('import-close').click();
    await expect(modal).toBeHidden();
  });
});
