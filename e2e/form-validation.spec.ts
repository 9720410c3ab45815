/**
 * The playground's form checks a field when it is left and everything when Run is pressed, and a
 * message that appears never moves the button being clicked: leaving an empty required field by
 * clicking "Add item" below it adds the item, and then the field's message shows.
 */
import { expect, test } from '@playwright/test';
import { ensureRunning, openApp } from './support/app';
import { readE2eContext } from './support/e2e-context';

const host = readE2eContext();

test.describe('the tool form', () => {
  test.beforeAll(async () => {
    await ensureRunning(host, 'github');
  });

  test('a click that leaves an invalid field lands on the button it was aimed at', async ({ page }) => {
    await openApp(page, host, '#/servers/github/tools');
    const tools = page.getByTestId('tools-tab');
    await tools.locator('[data-testid="tool-list-item"][data-tool="create_issue"]').click();
    const panel = tools.locator('[data-testid="tool-panel"][data-tool="create_issue"]');
    await expect(panel).toBeVisible();

    const title = panel.getByLabel('title', { exact: true });
    await title.click();
    await expect(title).toBeFocused();
    await expect(panel.locator('.pg-field-error')).toHaveCount(0);

    const labels = panel.locator('fieldset', { has: page.getByText('labels', { exact: true }) }).first();
    await labels.getByRole('button', { name: 'Add item to labels' }).click();
    await expect(panel.getByLabel('labels item 1', { exact: true })).toBeVisible();
    // The field was left, so its problem shows now, after the click.
    await expect(panel.getByText('title is required', { exact: true })).toBeVisible();

    await panel.getByRole('button', { name: 'Add item to labels' }).click();
    await expect(panel.getByLabel('labels item 2', { exact: true })).toBeVisible();
  });

  test('Run shows the problems of fields never visited', async ({ page }) => {
    await openApp(page, host, '#/servers/github/tools');
    const tools = page.getByTestId('tools-tab');
    await tools.locator('[data-testid="tool-list-item"][data-tool="create_issue"]').click();
    const panel = tools.locator('[data-testid="tool-panel"][data-tool="create_issue"]');
    await expect(panel.locator('.pg-field-error')).toHaveCount(0);
    await panel.getByTestId('run-tool').click();
    await expect(panel.getByText('owner is required', { exact: true })).toBeVisible();
    await expect(panel.getByText('title is required', { exact: true })).toBeVisible();
    await expect(panel.getByTestId('run-blocked')).toContainText('Fix these 3 problems to run');
  });
});
