/**
 * A client started through the launcher, as Claude Desktop starts one, shows on the server's
 * Clients tab (name, since when, calls), its calls show in Logs under its name, and it leaves
 * the list when it quits.
 */
import { expect, test } from '@playwright/test';
import { initializeRequest, startLauncher, type LauncherProcess } from '../test/support/launcher-process';
import { ensureRunning, openApp } from './support/app';
import { readE2eContext } from './support/e2e-context';
import { saveScreenshot } from './support/screenshots';

const host = readE2eContext();
const CLIENT = 'claude-desktop';
let launcher: LauncherProcess | undefined;

test.beforeEach(() => ensureRunning(host, 'weather'));
test.afterEach(async () => {
  launcher?.child.kill('SIGKILL');
  await launcher?.exited;
  launcher = undefined;
});

test('a client connected through the launcher is listed with its calls, and leaves when it quits', async ({ page }, testInfo) => {
  await openApp(page, host, '#/servers/weather/clients');
  const tab = page.getByTestId('clients-tab');
  await expect(tab.getByTestId('client-sessions-empty')).toBeVisible();

  launcher = startLauncher('weather', { MCP_TRAY_HOME: host.dataDir, MCP_TRAY_CLIENT: CLIENT });
  launcher.send(initializeRequest());
  await launcher.answer(0);
  launcher.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  const row = tab.locator(`[data-testid="client-session"][data-client="${CLIENT}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId('client-session-calls')).toHaveText('0');

  launcher.send({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'get_weather', arguments: { location: 'Berlin' } } });
  expect(await launcher.answer(1)).toMatchObject({ result: { content: [{ type: 'text' }] } });
  await expect(row.getByTestId('client-session-calls')).toHaveText('1');
  await expect(row).toContainText('ago');
  await saveScreenshot(page, testInfo, 'connected-clients');

  await page.getByTestId('server-page').getByRole('tab', { name: 'Logs', exact: true }).click();
  const logView = page.getByTestId('log-view');
  await logView.getByTestId('log-client').selectOption({ label: `Calls by ${CLIENT}` });
  await expect(logView.getByRole('row').filter({ hasText: /get_weather ok in/ }).last().getByTestId('log-row-client')).toHaveText(CLIENT);

  await page.getByTestId('server-page').getByRole('tab', { name: 'Clients', exact: true }).click();
  await expect(row).toBeVisible();
  launcher.child.stdin.end();
  await launcher.exited;
  await expect(row).toHaveCount(0);
  await expect(tab.getByTestId('client-sessions-empty')).toBeVisible();
});
