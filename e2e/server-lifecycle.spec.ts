/**
 * Section 4: start and stop a server from the UI and see its state change, in the servers list and
 * on the server's own page. The server is this spec's own (a copy of the bundled weather server
 * under another id), so stopping it never disturbs a spec that needs weather or github.
 */
import { expect, test } from '@playwright/test';
import { addScratchServer, ensureRunning, openApp, removeScratchServer, SERVER_STATE_TIMEOUT_MS, stateOf } from './support/app';
import { readE2eContext } from './support/e2e-context';
import { saveScreenshot } from './support/screenshots';
import { recordedStates, recordStates } from './support/state-recorder';

const host = readE2eContext();
const ID = 'e2e-lifecycle';
const NAME = 'Lifecycle Check';

test.describe('starting and stopping a server', () => {
  test.beforeAll(() => addScratchServer(host, ID, NAME));
  test.afterAll(() => removeScratchServer(host, ID));
  // Each test starts from a running server, whatever the other one left behind.
  test.beforeEach(() => ensureRunning(host, ID));

  test('Stop and Start in its row change the state the list shows', async ({ page }, testInfo) => {
    await openApp(page, host, '#/servers');
    const row = page.getByTestId(`server-row-${ID}`);
    const state = page.getByTestId(`server-state-${ID}`);
    await expect(state).toHaveAttribute('data-state', 'running');
    await expect(state).toHaveText('Running');
    await recordStates(page, `server-state-${ID}`);

    await row.getByRole('button', { name: `Stop ${NAME}`, exact: true }).click();
    await expect(state).toHaveAttribute('data-state', 'stopped');
    await expect(state).toHaveText('Stopped');
    const start = row.getByRole('button', { name: `Start ${NAME}`, exact: true });
    await expect(start).toBeEnabled();
    // Stopped means stopped for the manager too, not only in the page.
    expect(await stateOf(host, ID)).toBe('stopped');
    await saveScreenshot(page, testInfo, 'servers-one-stopped');

    await start.click();
    await expect(state).toHaveAttribute('data-state', 'running', { timeout: SERVER_STATE_TIMEOUT_MS });
    await expect(state).toHaveText('Running');
    await expect(row.getByRole('button', { name: `Stop ${NAME}`, exact: true })).toBeEnabled();
    expect(await stateOf(host, ID)).toBe('running');

    const seen = await recordedStates(page, `server-state-${ID}`);
    testInfo.annotations.push({ type: 'states shown', description: seen.join(' → ') });
    // running → stopped → (starting, when it lasts long enough to be drawn) → running; never a failure.
    expect(seen.filter((shown) => shown !== 'starting')).toEqual(['running', 'stopped', 'running']);
  });

  test("the server's page shows the change too, and its Tools tab offers to start it", async ({ page }) => {
    await openApp(page, host, `#/servers/${ID}/overview`);
    const serverPage = page.getByTestId('server-page');
    const state = serverPage.getByTestId(`server-state-${ID}`);
    await expect(serverPage.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
    await expect(state).toHaveAttribute('data-state', 'running');

    await serverPage.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(state).toHaveAttribute('data-state', 'stopped');
    await expect(serverPage.getByRole('button', { name: 'Start', exact: true })).toBeEnabled();

    // The playground cannot list the tools of a stopped server; it says so and offers the fix.
    await serverPage.getByRole('tab', { name: /^Tools/ }).click();
    const notRunning = page.getByTestId('server-not-running');
    await expect(notRunning).toBeVisible();
    await notRunning.getByTestId('start-server').click();
    await expect(page.locator('[data-testid="tool-list-item"][data-tool="get_weather"]')).toBeVisible({ timeout: SERVER_STATE_TIMEOUT_MS });
    await expect(state).toHaveAttribute('data-state', 'running');
    expect(await stateOf(host, ID)).toBe('running');
  });
});
