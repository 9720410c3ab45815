/**
 * A tool result of several MB in the playground: the page renders its start only, says so, and
 * offers the whole text as a download that holds every character. The server is the chaos test
 * fixture, added as a custom server of this spec's own.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { addFixtureServer, callHost, openApp, removeScratchServer } from './support/app';
import { readE2eContext } from './support/e2e-context';
import { saveScreenshot } from './support/screenshots';

const host = readE2eContext();
const ID = 'e2e-large';
const MB = 1024 * 1024;

test.describe('a large tool result', () => {
  test.beforeAll(async () => {
    await addFixtureServer(host, { id: ID, name: 'Large Results', fixture: 'chaos-server' });
  });
  test.afterAll(() => removeScratchServer(host, ID));

  test('shows the start of a 2.8 MB text and downloads all of it', async ({ page }, testInfo) => {
    await openApp(page, host, `#/servers/${ID}/overview`);
    await page.getByTestId('server-page').getByRole('tab', { name: /^Tools/ }).click();
    const tools = page.getByTestId('tools-tab');
    await tools.locator('[data-testid="tool-list-item"][data-tool="big_text"]').click();
    const panel = tools.locator('[data-testid="tool-panel"][data-tool="big_text"]');
    await panel.getByLabel('megabytes', { exact: true }).fill('2.8');
    await panel.getByTestId('run-tool').click();

    const result = panel.getByTestId('tool-result');
    await expect(result).toHaveAttribute('data-outcome', 'ok', { timeout: 30_000 });
    const length = Math.round(2.8 * MB);
    await expect(result.getByTestId('text-cut')).toHaveText(new RegExp(`Showing the first 100,000 of ${length.toLocaleString('en-US')} characters\\.`));
    const shown = (await result.getByTestId('text-content').textContent()) ?? '';
    expect(shown.length).toBe(100_000);
    expect(shown.startsWith('line 00000000 of a large result')).toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), result.getByTestId('download-full-text').click()]);
    expect(download.suggestedFilename()).toBe('big_text-result.txt');
    const saved = await readFile(await download.path(), 'utf8');
    expect(saved.length).toBe(length);
    expect(saved.startsWith(shown)).toBe(true);
    expect(saved.endsWith('END')).toBe(true);

    await saveScreenshot(page, testInfo, 'large-result');
  });
});
