/**
 * The Tools tab turns a tool off for every client or for one: a switch per tool and a client
 * selector, saved through tools.setEnabled. A tool off for every client shows off, and cannot be
 * turned on, for any one client.
 */
import { expect, test } from '@playwright/test';
import { callHost, ensureRunning, openApp } from './support/app';
import { readE2eContext } from './support/e2e-context';
import { saveScreenshot } from './support/screenshots';

const host = readE2eContext();
const CLIENT = 'cursor';

async function turnEverythingOn(): Promise<void> {
  const access = await callHost(host, 'tools.access', { serverId: 'weather' });
  for (const tool of access.offForAll) await callHost(host, 'tools.setEnabled', { serverId: 'weather', tool, enabled: true });
  for (const [client, tools] of Object.entries(access.offByClient)) {
    for (const tool of tools) await callHost(host, 'tools.setEnabled', { serverId: 'weather', tool, enabled: true, client });
  }
}

test.beforeEach(async () => {
  await ensureRunning(host, 'weather');
  await turnEverythingOn();
});
test.afterEach(turnEverythingOn);

test('tools are turned off for every client and for one client', async ({ page }, testInfo) => {
  const { clients } = await callHost(host, 'tools.access', { serverId: 'weather' });
  test.skip(!clients.includes(CLIENT), `the manager offers no "${CLIENT}" to choose (it offers: ${clients.join(', ') || 'none'})`);

  await openApp(page, host, '#/servers/weather/tools');
  const tab = page.getByTestId('tools-tab');
  const forecast = tab.getByTestId('tool-switch-get_forecast');
  const search = tab.getByTestId('tool-switch-search_locations');
  await expect(tab.getByTestId('tool-access-count')).toHaveText('3 of 3 on for every client');

  await forecast.uncheck();
  await expect(forecast).not.toBeChecked();
  await expect.poll(async () => (await callHost(host, 'tools.access', { serverId: 'weather' })).offForAll).toEqual(['get_forecast']);
  await expect(tab.getByTestId('tool-access-count')).toHaveText('2 of 3 on for every client');

  await tab.getByTestId('tool-access-client').selectOption(CLIENT);
  await expect(forecast).not.toBeChecked();
  await expect(forecast).toBeDisabled();
  await expect(search).toBeChecked();
  await search.uncheck();
  await expect(search).not.toBeChecked();
  await expect.poll(async () => (await callHost(host, 'tools.access', { serverId: 'weather' })).offByClient[CLIENT]).toEqual(['search_locations']);
  await expect(tab.getByTestId('tool-access-count')).toHaveText(`1 of 3 on for ${CLIENT}`);
  await saveScreenshot(page, testInfo, 'tool-switches');

  // For every client, a tool off for one client only is still on.
  await tab.getByTestId('tool-access-client').selectOption({ label: 'All clients' });
  await expect(search).toBeChecked();
  await expect(forecast).toBeEnabled();
});
