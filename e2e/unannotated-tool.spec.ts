/**
 * A tool that does not say whether it changes data asks before it runs, and "don't ask again for
 * this server" is kept in the app's settings: the next runs, after a reload too, do not ask, until
 * "Ask again". A tool that says it is destructive still asks.
 */
import { expect, test, type Page } from '@playwright/test';
import { addFixtureServer, callHost, openApp, removeScratchServer } from './support/app';
import { readE2eContext } from './support/e2e-context';

const host = readE2eContext();
const SERVER = 'unannotated';

async function runEcho(page: Page, text: string): Promise<void> {
  const panel = page.locator('[data-testid="tool-panel"][data-tool="echo"]');
  await panel.getByLabel('text', { exact: true }).fill(text);
  await panel.getByTestId('run-tool').click();
}

async function expectEchoed(page: Page, text: string): Promise<void> {
  const result = page.locator('[data-testid="tool-panel"][data-tool="echo"]').getByTestId('tool-result');
  await expect(result).toHaveAttribute('data-outcome', 'ok');
  await expect(result).toContainText(text);
}

test.describe('a tool without annotations', () => {
  test.beforeAll(async () => {
    await callHost(host, 'settings.update', { runUnannotatedToolsWithoutAsking: [] });
    await addFixtureServer(host, { id: SERVER, name: 'Unannotated', fixture: 'chaos-server' });
  });

  test.afterAll(async () => {
    await removeScratchServer(host, SERVER);
    await callHost(host, 'settings.update', { runUnannotatedToolsWithoutAsking: [] });
  });

  test('asks, and stops asking for this server once told so, until Ask again', async ({ page }) => {
    await openApp(page, host, `#/servers/${SERVER}/tools`);
    await page.locator('[data-testid="tool-list-item"][data-tool="echo"]').click();
    const dialog = page.getByTestId('confirm-dialog');

    await runEcho(page, 'first');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('confirm-run')).toContainText('the server does not say it is safe');
    await dialog.getByTestId('confirm-dont-ask-again').check();
    await dialog.getByTestId('confirm-accept').click();
    await expectEchoed(page, 'first');
    await expect.poll(async () => (await callHost(host, 'settings.get', {})).runUnannotatedToolsWithoutAsking).toEqual([SERVER]);

    await page.reload();
    await page.locator('[data-testid="tool-list-item"][data-tool="echo"]').click();
    await expect(page.getByTestId('runs-without-asking')).toBeVisible();
    await runEcho(page, 'second');
    await expectEchoed(page, 'second');
    await expect(dialog).toBeHidden();

    await page.getByTestId('ask-again').click();
    await expect(page.getByTestId('runs-without-asking')).toHaveCount(0);
    expect((await callHost(host, 'settings.get', {})).runUnannotatedToolsWithoutAsking).toEqual([]);
    await runEcho(page, 'third');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(dialog).toBeHidden();
  });

  test('the choice does not cover a tool that says it is destructive', async ({ page }) => {
    await callHost(host, 'settings.update', { runUnannotatedToolsWithoutAsking: ['github'] });
    await openApp(page, host, '#/servers/github/tools');
    await page.locator('[data-testid="tool-list-item"][data-tool="update_issue"]').click();
    const panel = page.locator('[data-testid="tool-panel"][data-tool="update_issue"]');
    await panel.getByLabel('owner', { exact: true }).fill('octocat');
    await panel.getByLabel('repo', { exact: true }).fill('hello-world');
    await panel.getByLabel('number', { exact: true }).fill('4');
    await panel.getByTestId('run-tool').click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('confirm-dont-ask-again')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  });
});
