/**
 * Section 4: a call made in the playground appears in the server's Logs tab ("get_weather ok in
 * N ms", with what it returned), live, without reloading.
 */
import { expect, test } from '@playwright/test';
import { ensureRunning } from './support/app';
import { readE2eContext } from './support/e2e-context';
import { runGetWeatherInPlayground } from './support/playground';
import { saveScreenshot } from './support/screenshots';

const host = readE2eContext();
/** A place no other spec asks for, so the log line found is this spec's own call. */
const PLACE = 'Zürich';

test.beforeEach(() => ensureRunning(host, 'weather'));

test('a get_weather call from the playground shows up in Logs', async ({ page }, testInfo) => {
  const panel = await runGetWeatherInPlayground(page, host, PLACE);
  await expect(panel.getByTestId('tool-result')).toContainText(PLACE);

  await page.getByTestId('server-page').getByRole('tab', { name: 'Logs', exact: true }).click();
  const logView = page.getByTestId('log-view');
  await expect(logView).toBeVisible();

  // Searching as a person would: the call's line, with the place it answered for.
  await logView.getByRole('searchbox', { name: 'Search the log' }).fill('get_weather ok');
  const line = logView.getByRole('row').filter({ hasText: /get_weather ok in \d+(\.\d+)? ms/ }).filter({ hasText: PLACE }).last();
  await expect(line).toBeVisible();
  await expect(line).toContainText('info');
  await expect(line).toContainText('call');
  await expect(logView.getByTestId('log-count')).toHaveText(/^\d+ of \d+ lines?$/);

  // Its detail has the outcome and the result's text in full.
  await line.click();
  const detail = logView.getByTestId('log-detail');
  await expect(detail).toContainText(/get_weather ok in \d+(\.\d+)? ms/);
  await expect(detail).toContainText('"outcome": "ok"');
  await expect(detail).toContainText('"tool": "get_weather"');
  await expect(detail).toContainText(PLACE);

  await saveScreenshot(page, testInfo, 'logs');
});
