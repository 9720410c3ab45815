/**
 * Section 4: kill a server's process from outside MCP Tray and watch the UI show the restart: the
 * state goes to backoff ("Restarting"), through starting, back to running, with one more restart
 * counted and a new process. The server is this spec's own copy of the weather server, so the
 * crash (and the restart policy's memory of it) touches nothing another spec uses.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { addScratchServer, callHost, goToRoute, openApp, removeScratchServer, SERVER_STATE_TIMEOUT_MS } from './support/app';
import { readE2eContext } from './support/e2e-context';
import { saveScreenshot } from './support/screenshots';
import { ABSENT, recorded, startRecording } from './support/state-recorder';

const host = readE2eContext();
const ID = 'e2e-crash';
const NAME = 'Crash Check';

/** The value of one figure of the Overview tab's stats (a <dt>/<dd> pair). */
function stat(page: Page, label: string): Locator {
  return page
    .getByTestId('server-panel-overview')
    .locator('dl div')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
    .locator('dd');
}

test.describe('a server killed from outside', () => {
  test.beforeAll(() => addScratchServer(host, ID, NAME));
  test.afterAll(() => removeScratchServer(host, ID));

  test('the UI shows it back off, restart and count the restart', async ({ page }, testInfo) => {
    await openApp(page, host, `#/servers/${ID}/overview`);
    const state = page.getByTestId(`server-state-${ID}`);
    await expect(state).toHaveAttribute('data-state', 'running');

    const before = await callHost(host, 'health.get', { id: ID });
    expect(before.pid).not.toBeNull();
    const pid = before.pid as number;
    // The page shows the same process the manager knows.
    await expect(stat(page, 'PID')).toHaveText(String(pid));
    await expect(stat(page, 'Automatic restarts')).toHaveText(String(before.restartCount));

    const badge = `server-state-${ID}`;
    await startRecording(page, badge, 'state');
    await startRecording(page, badge, 'text');
    await startRecording(page, 'server-error', 'text');
    process.kill(pid, 'SIGTERM');

    // Back up as a new process, with the restart counted. (The backoff between lasts about a
    // second: it is checked from the recording below, which cannot miss it on a slow machine.)
    await expect(stat(page, 'Automatic restarts')).toHaveText(String(before.restartCount + 1), { timeout: SERVER_STATE_TIMEOUT_MS });
    await expect(state).toHaveAttribute('data-state', 'running', { timeout: SERVER_STATE_TIMEOUT_MS });
    await expect(state).toHaveText('Running');
    await expect(stat(page, 'PID')).not.toHaveText(String(pid));
    await expect(stat(page, 'PID')).toHaveText(/^\d+$/);

    const after = await callHost(host, 'health.get', { id: ID });
    expect(after).toMatchObject({ state: 'running', restartCount: before.restartCount + 1 });
    expect(after.pid).not.toBe(pid);
    await expect(stat(page, 'PID')).toHaveText(String(after.pid));
    // The exit is recorded (the server may end on SIGTERM by itself, with a code, or by the signal).
    expect(after.lastExit).not.toBeNull();
    expect(after.lastExit === null ? 0 : Date.parse(after.lastExit.at)).toBeGreaterThanOrEqual(Date.parse(before.startedAt ?? ''));

    const states = await recorded(page, badge, 'state');
    const labels = await recorded(page, badge, 'text');
    const problems = await recorded(page, 'server-error', 'text');
    testInfo.annotations.push({ type: 'states shown', description: states.join(' → ') });
    testInfo.annotations.push({ type: 'problem shown', description: problems.join(' → ') });
    // running → backoff → (starting, when it lasts long enough to be drawn) → running; nothing else.
    expect(states.filter((shown) => shown !== 'starting')).toEqual(['running', 'backoff', 'running']);
    expect(labels).toContain('Restarting');
    // While it waited, the page said why and when the next attempt is.
    expect(problems.some((text) => /^Restarting:.*Next attempt/.test(text))).toBe(true);
    expect(problems[problems.length - 1]).toBe(ABSENT);
    await saveScreenshot(page, testInfo, 'server-overview');

    // The servers list counts the restart as well.
    await goToRoute(page, '#/servers');
    await expect(page.getByTestId(`server-state-${ID}`)).toHaveAttribute('data-state', 'running');
    await expect(page.getByTestId(`server-restarts-${ID}`)).toHaveText(String(before.restartCount + 1));
  });
});
