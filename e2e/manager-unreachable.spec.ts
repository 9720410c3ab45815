/**
 * While the manager cannot be reached, the UI does not keep showing the last state it heard as if
 * it were current: every server's state reads Unknown and the actions are disabled, until the
 * connection returns. The host is made unreachable for this page only, by failing its requests
 * (the event stream included) in the browser.
 */
import { expect, test, type Page } from '@playwright/test';
import { ensureRunning, openApp } from './support/app';
import { readE2eContext } from './support/e2e-context';

const host = readE2eContext();

async function cutOff(page: Page): Promise<void> {
  await page.route(`${host.origin}/api/**`, (route) => route.abort('connectionrefused'));
}

test('with the manager out of reach, states read Unknown and actions are disabled until it is back', async ({ page }) => {
  await ensureRunning(host, 'weather');
  await openApp(page, host, '#/servers/weather/overview');
  const header = page.getByTestId('server-page');
  const state = header.getByTestId('server-state-weather');
  await expect(state).toHaveAttribute('data-state', 'running');
  const stop = page.getByTestId('server-stop-weather');
  await expect(stop).toBeEnabled();

  await cutOff(page);
  // Any call the page makes now fails, and the page learns the manager is gone from it.
  await page.getByRole('tab', { name: 'Logs' }).click();
  await expect(page.getByTestId('connection-banner')).toBeVisible();
  await expect(state).toHaveAttribute('data-state', 'unknown');
  await expect(state).toHaveText('Unknown');
  await expect(stop).toBeDisabled();
  await expect(page.getByTestId('server-restart-weather')).toBeDisabled();

  await page.getByTestId('nav-servers').click();
  const row = page.getByTestId('server-row-weather');
  await expect(row.getByTestId('server-state-weather')).toHaveText('Unknown');
  await expect(row.getByTestId('server-enabled-weather')).toBeDisabled();
  await expect(row.getByTestId('server-stop-weather')).toBeDisabled();
  await expect(page.getByTestId('add-server')).toBeDisabled();

  // Back: the page's own probe (every few seconds while the manager is lost) finds it again.
  await page.unroute(`${host.origin}/api/**`);
  await expect(page.getByTestId('connection-banner')).toBeHidden();
  await expect(row.getByTestId('server-state-weather')).toHaveAttribute('data-state', 'running');
  await expect(row.getByTestId('server-stop-weather')).toBeEnabled();
  await expect(row.getByTestId('server-enabled-weather')).toBeEnabled();
});
