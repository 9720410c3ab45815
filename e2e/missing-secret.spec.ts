/**
 * A declared secret with no value is visible: the servers list says "needs GITHUB_TOKEN" with a link
 * to set it, the Overview says what works without it and what does not, and both say where the
 * value is kept (the keychain item's service and account). Once set, the notice goes.
 */
import { expect, test } from '@playwright/test';
import { callHost, ensureRunning, openApp, waitForState } from './support/app';
import { readE2eContext } from './support/e2e-context';

const host = readE2eContext();
const SECRET = 'GITHUB_TOKEN';

test.describe('a declared secret that is not set', () => {
  test.beforeAll(async () => {
    await callHost(host, 'secrets.delete', { serverId: 'github', name: SECRET });
    await ensureRunning(host, 'github');
  });

  test.afterAll(async () => {
    await callHost(host, 'secrets.set', { serverId: 'github', name: SECRET, value: host.githubToken });
    await waitForState(host, 'github', 'running');
  });

  test('is named in the list and on the Overview, with a link to set it and where it is kept', async ({ page }) => {
    const { keychainService } = await callHost(host, 'secrets.list', { serverId: 'github' });
    expect(keychainService, 'the manager says which keychain service it uses').toBeTruthy();

    await openApp(page, host, '#/servers');
    const needs = page.getByTestId('server-row-github').getByTestId('needs-secret-github');
    await expect(needs).toHaveText(`needs ${SECRET}`);
    await expect(page.getByTestId('server-row-weather').getByTestId('needs-secret-weather')).toHaveCount(0);
    await needs.click();
    await expect(page).toHaveURL(/#\/servers\/github\/settings$/);
    await expect(page.getByTestId(`secret-location-${SECRET}`)).toHaveText(`Kept in the system keychain: service "${keychainService}", account "github/${SECRET}".`);

    await page.getByRole('tab', { name: 'Overview' }).click();
    const notice = page.getByTestId('missing-secrets');
    await expect(notice).toContainText(`Needs ${SECRET}.`);
    await expect(notice).toContainText('public repositories can still be read');
    await expect(notice).toContainText('Private repositories and the tools that write');
    await expect(notice).toContainText(`service "${keychainService}", account "github/${SECRET}"`);
    await expect(page.getByTestId('launch-secrets')).toHaveText(`${SECRET} (not set)`);
    await notice.getByTestId('set-missing-secret').click();
    await expect(page).toHaveURL(/#\/servers\/github\/settings$/);

    await page.getByTestId(`secret-input-${SECRET}`).fill(host.githubToken);
    await page.getByTestId(`secret-save-${SECRET}`).click();
    await expect(page.getByTestId(`secret-status-${SECRET}`)).toHaveText('Set');
    await page.getByRole('tab', { name: 'Overview' }).click();
    await expect(page.getByTestId('launch-secrets')).toHaveText(`${SECRET} (set)`);
    await expect(page.getByTestId('missing-secrets')).toHaveCount(0);
    await page.getByTestId('nav-servers').click();
    await expect(page.getByTestId('server-row-github')).toBeVisible();
    await expect(page.getByTestId('needs-secret-github')).toHaveCount(0);
  });
});
