/**
 * Section 4: set the GitHub token in the github server's Settings tab, see it marked set, and make
 * sure it is never shown: not in the page's HTML or any field, not in any response body or event
 * the page received while it was set, used and logged, and not in the page's storage.
 */
import { expect, test, type Page } from '@playwright/test';
import { callHost, ensureRunning, openApp, waitForState } from './support/app';
import { readE2eContext } from './support/e2e-context';
import { watchPageTraffic } from './support/page-traffic';
import { recorded, startRecording } from './support/state-recorder';
import { saveScreenshot } from './support/screenshots';

const host = readE2eContext();
const SECRET = 'GITHUB_TOKEN';

interface PageHoldings {
  html: string;
  text: string;
  fields: string;
  localStorage: string;
  sessionStorage: string;
}

interface PageScope {
  document: { documentElement: { outerHTML: string }; body: { innerText: string }; querySelectorAll(selector: string): ArrayLike<{ value: string }> };
  localStorage: { length: number; key(index: number): string | null; getItem(key: string): string | null };
  sessionStorage: { length: number; key(index: number): string | null; getItem(key: string): string | null };
}

/** What the page holds right now: its HTML, its visible text, every field's value, and its storage. */
function pageHoldings(page: Page): Promise<PageHoldings> {
  return page.evaluate((): PageHoldings => {
    const scope = globalThis as unknown as PageScope;
    const dump = (storage: PageScope['localStorage']) =>
      Array.from({ length: storage.length }, (_, index) => {
        const key = storage.key(index) ?? '';
        return `${key}=${storage.getItem(key) ?? ''}`;
      }).join('\n');
    return {
      html: scope.document.documentElement.outerHTML,
      text: scope.document.body.innerText,
      fields: Array.from(scope.document.querySelectorAll('input, textarea, select'), (field) => field.value).join('\n'),
      localStorage: dump(scope.localStorage),
      sessionStorage: dump(scope.sessionStorage),
    };
  });
}

async function expectTokenNowhereInPage(page: Page, token: string): Promise<void> {
  const holdings = await pageHoldings(page);
  expect(holdings.html.length).toBeGreaterThan(0);
  for (const [where, text] of Object.entries(holdings)) expect(text.includes(token), `the token is in the page's ${where}`).toBe(false);
  expect((await page.content()).includes(token), "the token is in the page's serialized DOM").toBe(false);
}

test.describe('the GitHub token', () => {
  test.beforeAll(async () => {
    // Start from "not set", whatever an earlier spec did; github runs without a token (public reads).
    await callHost(host, 'secrets.delete', { serverId: 'github', name: SECRET });
    await ensureRunning(host, 'github');
  });

  test('is set in the Settings tab, marked set, and never shown or sent back', async ({ page }, testInfo) => {
    const token = host.githubToken;
    const traffic = await watchPageTraffic(page);
    await openApp(page, host, '#/servers/github/settings');

    const row = page.getByTestId(`secret-row-${SECRET}`);
    const status = row.getByTestId(`secret-status-${SECRET}`);
    await expect(status).toHaveText('Not set');
    const input = row.getByLabel(SECRET, { exact: true });
    // Typed into a password field: not shown even while typing.
    await expect(input).toHaveAttribute('type', 'password');
    await input.fill(token);
    // The confirmation is a notice that goes away after a few seconds: recorded, not raced.
    await startRecording(page, 'notices', 'text');
    const saved = page.waitForResponse((response) => response.url().endsWith('/api/call/secrets.set'));
    await row.getByRole('button', { name: 'Set', exact: true }).click();
    expect((await saved).status()).toBe(200);

    await expect(status).toHaveText('Set');
    await expect(input).toHaveValue('');
    await expect(row.getByRole('button', { name: 'Replace', exact: true })).toBeDisabled();
    await expect(row.getByRole('button', { name: 'Clear', exact: true })).toBeEnabled();
    await expect.poll(async () => (await recorded(page, 'notices', 'text')).some((text) => text.includes(`${SECRET} is stored in the system keychain`))).toBe(true);
    expect((await callHost(host, 'secrets.list', { serverId: 'github' })).secrets).toEqual([{ serverId: 'github', name: SECRET, isSet: true }]);

    // github restarts to use it; the token really is the one GitHub (the fake) accepts.
    await waitForState(host, 'github', 'running');
    await expect(page.getByTestId('server-state-github')).toHaveAttribute('data-state', 'running');
    const me = await callHost(host, 'tools.call', { serverId: 'github', name: 'get_me', arguments: {} });
    expect(me.result.isError ?? false).toBe(false);
    expect(JSON.stringify(me.result.content)).toContain('octocat');
    expect(JSON.stringify(me.result).includes(token)).toBe(false);

    await saveScreenshot(page, testInfo, 'settings-secrets');
    // The DOM the screenshot was taken of.
    await expectTokenNowhereInPage(page, token);

    // Where else the token could surface: the server's overview (its environment) and its log
    // (the restart that applied the token, the get_me call), then a fresh load of the page.
    await page.getByTestId('server-page').getByRole('tab', { name: 'Overview' }).click();
    await expect(page.getByTestId('server-panel-overview')).toContainText(SECRET);
    await expectTokenNowhereInPage(page, token);
    await page.getByTestId('server-page').getByRole('tab', { name: 'Logs' }).click();
    await expect(page.getByTestId('log-view')).toContainText('get_me ok');
    await expectTokenNowhereInPage(page, token);
    await page.reload();
    await page.getByTestId('server-page').getByRole('tab', { name: 'Settings' }).click();
    await expect(page.getByTestId(`secret-status-${SECRET}`)).toHaveText('Set');
    await expectTokenNowhereInPage(page, token);

    const received = await traffic.received();
    const sources = received.map((entry) => entry.source);
    // The watch saw the traffic that matters: the write, the reads of the status, the log, and live events.
    expect(sources).toEqual(expect.arrayContaining(['POST /api/call/secrets.set 200', 'POST /api/call/secrets.list 200', 'POST /api/call/logs.query 200']));
    expect(sources.some((source) => source.startsWith('event '))).toBe(true);
    expect(traffic.unreadable().filter((source) => source.includes('/api/'))).toEqual([]);
    const leaks = received.filter((entry) => entry.text.includes(token)).map((entry) => entry.source);
    expect(leaks, 'responses or events that carried the token').toEqual([]);
    testInfo.annotations.push({ type: 'checked', description: `${received.length} response bodies and events received by the page` });
  });
});
