/**
 * A server's Clients tab: who is connected (nobody, here), the sharing choice with the sentence
 * that explains it, and the root folders, each saved through the contract and read back from the host.
 */
import { expect, test } from '@playwright/test';
import { callHost, openApp } from './support/app';
import { readE2eContext } from './support/e2e-context';
import { saveScreenshot } from './support/screenshots';

const host = readE2eContext();

test.afterEach(async () => {
  await callHost(host, 'servers.setSharing', { id: 'weather', sharing: 'shared' });
  await callHost(host, 'servers.setRoots', { id: 'weather', roots: [] });
});

test('the Clients tab saves the sharing choice and the root folders', async ({ page }, testInfo) => {
  await openApp(page, host, '#/servers/weather/clients');
  const tab = page.getByTestId('clients-tab');
  await expect(tab.getByTestId('client-sessions-empty')).toContainText('No client is connected');

  await expect(tab.getByTestId('sharing-shared')).toBeChecked();
  await expect(tab.getByText('Clients share one running server')).toBeVisible();
  await tab.getByTestId('sharing-per-session').check();
  await expect(tab.getByTestId('sharing-per-session')).toBeChecked();
  await expect.poll(async () => (await callHost(host, 'servers.get', { id: 'weather' })).sharing).toBe('per-session');

  const roots = tab.getByTestId('roots-input');
  await roots.fill('projects/site');
  await tab.getByTestId('roots-save').click();
  await expect(tab.getByRole('alert')).toContainText('Give each root folder as an absolute path.');
  expect((await callHost(host, 'servers.get', { id: 'weather' })).roots).toEqual([]);

  await roots.fill('/srv/projects/site\n\n  /srv/projects/blog  \n');
  await tab.getByTestId('roots-save').click();
  await expect(tab.getByTestId('roots-save')).toBeDisabled();
  expect((await callHost(host, 'servers.get', { id: 'weather' })).roots).toEqual(['/srv/projects/site', '/srv/projects/blog']);
  await expect(roots).toHaveValue('/srv/projects/site\n/srv/projects/blog');

  await saveScreenshot(page, testInfo, 'server-clients-tab');
});
