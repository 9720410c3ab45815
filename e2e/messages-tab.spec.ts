/**
 * The Messages tab: a tool call made in the playground shows its request and its response on the
 * server's wire, and "Show messages" on the call's result opens the tab filtered to that call alone.
 */
import { expect, test } from '@playwright/test';
import { callHost, ensureRunning, openApp } from './support/app';
import { readE2eContext } from './support/e2e-context';
import { runGetWeatherInPlayground } from './support/playground';
import { saveScreenshot } from './support/screenshots';

const host = readE2eContext();
/** A place the fake Open-Meteo knows; the call's own messages are told apart by its call id. */
const PLACE = 'Berlin';

test.beforeEach(() => ensureRunning(host, 'weather'));

test('a playground call\'s request and response show in Messages, and its result links to them alone', async ({ page }, testInfo) => {
  const panel = await runGetWeatherInPlayground(page, host, PLACE);

  // The result's link: that call alone, its request then its response, with their JSON.
  await panel.getByTestId('show-messages').click();
  await expect(page).toHaveURL(/#\/servers\/weather\/messages\/[^/]+$/);
  const view = page.getByTestId('messages-view');
  await expect(view.getByTestId('message-call-filter')).toBeVisible();
  const rows = view.getByTestId('message-row');
  const request = rows.filter({ has: page.getByTestId('message-direction').filter({ hasText: '→' }) }).filter({ hasText: 'tools/call' });
  const response = rows.filter({ hasText: 'tools/call response' });
  await expect(request).toHaveCount(1);
  await expect(response).toHaveCount(1);
  // Everything shown belongs to the call the playground made (progress notifications included).
  await expect(rows.filter({ hasNotText: 'MCP Tray' })).toHaveCount(0);
  await expect(view.getByTestId('message-buffer')).toContainText(/Buffer .* of 8\.0 MB/);

  await request.click();
  const json = view.getByTestId('message-json');
  await expect(json).toContainText('"method": "tools/call"');
  await expect(json).toContainText(PLACE);
  await expect(json).toContainText('"_meta"');
  await response.click();
  await expect(json).toContainText('"result"');
  await expect(json).toContainText(PLACE);
  await saveScreenshot(page, testInfo, 'messages-of-one-call');

  // Without the call's filter, the whole wire: other messages too (the handshake, health pings).
  await view.getByTestId('message-call-filter').getByRole('link').click();
  await expect(page).toHaveURL(/#\/servers\/weather\/messages$/);
  await expect(view.getByTestId('message-call-filter')).toHaveCount(0);
  await view.getByTestId('message-method-filter').fill('initialize');
  await expect(rows.filter({ hasText: 'initialize' }).first()).toBeVisible();
  await view.getByTestId('message-method-filter').fill('');
  await view.getByTestId('message-direction-filter').selectOption('from-server');
  await expect(rows.first()).toBeVisible();
  await expect(rows.filter({ has: page.getByTestId('message-direction').filter({ hasText: '→' }) })).toHaveCount(0);

  await saveScreenshot(page, testInfo, 'messages');
});

test('a call made while the Messages tab is open shows its request and response live', async ({ page }) => {
  const callId = `live-${Date.now()}`;
  await openApp(page, host, `#/servers/weather/messages/${callId}`);
  const view = page.getByTestId('messages-view');
  await expect(view.getByTestId('message-call-filter')).toBeVisible();
  const rows = view.getByTestId('message-row');
  // The first query is in (the buffer's size shows) and found nothing: what comes next comes live.
  await expect(view.getByTestId('message-buffer')).toBeVisible();
  await expect(rows).toHaveCount(0);

  await callHost(host, 'tools.call', { serverId: 'weather', name: 'get_weather', arguments: { location: 'Madrid' }, callId });
  await expect(rows.filter({ has: page.getByTestId('message-direction').filter({ hasText: '→' }) }).filter({ hasText: 'tools/call' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'tools/call response' })).toHaveCount(1);
});
