/**
 * The Logs tab names the client of every call and narrows the log to one client's calls. Calls made
 * in MCP Tray itself go by "MCP Tray".
 */
import { expect, test } from '@playwright/test';
import { callHost, ensureRunning, openApp } from './support/app';
import { readE2eContext } from './support/e2e-context';
import { saveScreenshot } from './support/screenshots';

const host = readE2eContext();

test.beforeEach(() => ensureRunning(host, 'weather'));

test("the Logs tab shows each call's client and filters by it", async ({ page }, testInfo) => {
  // Its call id picks out this spec's own line.
  const { callId } = await callHost(host, 'tools.call', { serverId: 'weather', name: 'get_weather', arguments: { location: 'Berlin' } });
  await openApp(page, host, '#/servers/weather/logs');
  const logView = page.getByTestId('log-view');
  const call = logView.getByRole('row').filter({ hasText: /get_weather ok in/ }).filter({ hasText: callId });
  await expect(call.getByTestId('log-row-client')).toHaveText('MCP Tray');

  // The server's start is not a call: the client filter hides it.
  const start = logView.getByRole('row').filter({ hasText: /running \(pid \d+\)/ });
  await expect(start.first()).toBeVisible();
  await logView.getByTestId('log-client').selectOption({ label: 'Calls by MCP Tray' });
  await expect(call).toBeVisible();
  await expect(start).toHaveCount(0);
  await expect(logView.getByTestId('log-count')).toHaveText(/^\d+ of \d+ lines?$/);
  const clients = await logView.getByRole('row').getByTestId('log-row-client').allTextContents();
  expect(clients.length).toBeGreaterThan(0);
  expect(new Set(clients)).toEqual(new Set(['MCP Tray']));

  await saveScreenshot(page, testInfo, 'logs-by-client');
  await logView.getByTestId('log-client').selectOption({ label: 'All lines' });
  await expect(start.first()).toBeVisible();
});
