/**
 * The Logs view says what it holds, what the manager keeps in memory (the configured buffer) and
 * what is on disk, with the file's path, so more lines than the buffer is no surprise.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { callHost, ensureRunning, openApp } from './support/app';
import { readE2eContext } from './support/e2e-context';

const host = readE2eContext();

test('the Logs view says what is kept in memory and on disk, and where', async ({ page }) => {
  await ensureRunning(host, 'weather');
  const { logBufferSize } = await callHost(host, 'settings.get', {});
  await openApp(page, host, '#/servers/weather/logs');
  const note = page.getByTestId('log-storage');
  await expect(note).toContainText('This view: the lines since it opened, up to 100,000.');
  await expect(note).toContainText(`In memory: the newest ${logBufferSize.toLocaleString('en-US')} lines of this server`);
  await expect(note).toContainText(`On disk: every line, in ${path.join(host.dataDir, 'logs', 'weather.jsonl')}`);
});
