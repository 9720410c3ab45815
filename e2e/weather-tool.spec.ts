/**
 * Section 4: open the weather server's Tools tab, fill the get_weather form and see the result the
 * fake Open-Meteo makes for the place asked for.
 */
import { expect, test } from '@playwright/test';
import { ensureRunning, openApp } from './support/app';
import { readE2eContext } from './support/e2e-context';
import { saveScreenshot } from './support/screenshots';

const host = readE2eContext();

test.beforeEach(() => ensureRunning(host, 'weather'));

test('the get_weather form runs the tool and shows its result', async ({ page }, testInfo) => {
  await openApp(page, host, '#/servers/weather/overview');
  await page.getByTestId('server-page').getByRole('tab', { name: /^Tools/ }).click();

  const tools = page.getByTestId('tools-tab');
  await tools.locator('[data-testid="tool-list-item"][data-tool="get_weather"]').click();
  const panel = tools.locator('[data-testid="tool-panel"][data-tool="get_weather"]');
  await expect(panel).toBeVisible();

  await panel.getByLabel('location', { exact: true }).fill('Berlin');
  await panel.getByTestId('run-tool').click();

  const result = panel.getByTestId('tool-result');
  await expect(result).toHaveAttribute('data-outcome', 'ok');
  // The fake geocoder's Berlin, with the country it gives.
  await expect(result).toContainText('Berlin');
  await expect(result).toContainText('Germany');
  await expect(result.getByTestId('structured-content')).toBeVisible();
  await expect(result.getByTestId('tool-duration')).toHaveText(/\d/);
  await expect(panel.getByTestId('tool-error')).toHaveCount(0);

  // The call is remembered in the panel's history.
  const history = panel.getByTestId('call-history');
  await expect(history.getByTestId('history-entry')).toHaveCount(1);
  await expect(history.getByTestId('history-entry')).toHaveAttribute('data-outcome', 'ok');

  await saveScreenshot(page, testInfo, 'tools-playground');
});
