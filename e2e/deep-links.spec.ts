/**
 * The chosen tool, resource or prompt is part of the address: choosing one changes it, Back returns
 * to the one before, and opening an address shows the entry it names.
 */
import { expect, test } from '@playwright/test';
import { ensureRunning, openApp } from './support/app';
import { readE2eContext } from './support/e2e-context';

const host = readE2eContext();

test.describe('playground addresses', () => {
  test.beforeAll(async () => {
    await ensureRunning(host, 'weather');
    await ensureRunning(host, 'github');
  });

  test('choosing a tool puts it in the address, and Back returns to the one before', async ({ page }) => {
    await openApp(page, host, '#/servers/weather/tools');
    const tools = page.getByTestId('tools-tab');
    const panel = (name: string) => tools.locator(`[data-testid="tool-panel"][data-tool="${name}"]`);
    await tools.locator('[data-testid="tool-list-item"][data-tool="get_forecast"]').click();
    await expect(page).toHaveURL(/#\/servers\/weather\/tools\/get_forecast$/);
    await expect(panel('get_forecast')).toBeVisible();
    await tools.locator('[data-testid="tool-list-item"][data-tool="search_locations"]').click();
    await expect(page).toHaveURL(/#\/servers\/weather\/tools\/search_locations$/);
    await expect(panel('search_locations')).toBeVisible();

    await page.goBack();
    await expect(page).toHaveURL(/#\/servers\/weather\/tools\/get_forecast$/);
    await expect(panel('get_forecast')).toBeVisible();
    await page.goForward();
    await expect(panel('search_locations')).toBeVisible();
  });

  test('an address opens the tool, prompt or resource it names', async ({ page }) => {
    await openApp(page, host, '#/servers/weather/tools/search_locations');
    await expect(page.locator('[data-testid="tool-panel"][data-tool="search_locations"]')).toBeVisible();

    await openApp(page, host, '#/servers/weather/prompts/weather-briefing');
    await expect(page.getByTestId('prompt-panel')).toContainText('weather-briefing');

    const template = 'github://repos/{owner}/{repo}/readme';
    await openApp(page, host, `#/servers/github/resources/${encodeURIComponent(template)}`);
    await expect(page.locator('[data-testid="template-list-item"][aria-current="true"]')).toContainText(template);


    await openApp(page, host, `#/servers/weather/resources/${encodeURIComponent('weather://wmo-codes')}`);
    await expect(page.getByTestId('resource-panel')).toContainText('weather://wmo-codes');
  });
});
