/**
 * A server's sampling and elicitation requests, answered by a person in the window: the request
 * opens a dialog, and what is typed or filled in reaches the server, whose tool result shows it.
 */
import { expect, test, type Page } from '@playwright/test';
import { addFixtureServer, callHost, openApp, removeScratchServer } from './support/app';
import { readE2eContext } from './support/e2e-context';
import { saveScreenshot } from './support/screenshots';

const host = readE2eContext();
const SERVER = 'requests-probe';

test.beforeEach(async () => {
  await addFixtureServer(host, { id: SERVER, name: 'Requests probe', fixture: 'server-requests-server' });
});

test.afterEach(() => removeScratchServer(host, SERVER));

async function openTool(page: Page, tool: string) {
  await openApp(page, host, `#/servers/${SERVER}/overview`);
  await page.getByTestId('server-page').getByRole('tab', { name: /^Tools/ }).click();
  const tools = page.getByTestId('tools-tab');
  await tools.locator(`[data-testid="tool-list-item"][data-tool="${tool}"]`).click();
  const panel = tools.locator(`[data-testid="tool-panel"][data-tool="${tool}"]`);
  await expect(panel).toBeVisible();
  return panel;
}

test('a sampling request opens a dialog, and the typed reply reaches the server', async ({ page }, testInfo) => {
  const panel = await openTool(page, 'ask_sampling');
  await panel.getByLabel('prompt', { exact: true }).fill('What is the capital of France?');
  await panel.getByTestId('run-tool').click();

  const dialog = page.getByTestId('server-request-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('server-request-server')).toHaveText('Requests probe');
  await expect(dialog.getByTestId('sampling-system-prompt')).toHaveText('You are a careful assistant.');
  await expect(dialog.getByTestId('sampling-messages')).toContainText('What is the capital of France?');
  const settings = dialog.getByTestId('sampling-settings');
  for (const shown of ['Max tokens50', 'Temperature0.2', 'Stop sequences"END"', 'Model hintsclaude', 'Speed priority0.5', 'Include contextnone']) await expect(settings).toContainText(shown);
  await expect(dialog.getByTestId('server-request-countdown')).toHaveText(/^Times out in \d+:\d\d$/);
  await saveScreenshot(page, testInfo, 'sampling-request');

  await dialog.getByTestId('sampling-reply').fill('Paris.');
  await dialog.getByTestId('sampling-model').fill('a person');
  await dialog.getByTestId('sampling-send').click();
  await expect(dialog).toBeHidden();

  const result = panel.getByTestId('tool-result');
  await expect(result).toHaveAttribute('data-outcome', 'ok');
  await expect(result).toContainText('reply: Paris. (model a person, endTurn)');
  expect((await callHost(host, 'serverRequests.list', {})).requests).toEqual([]);
});

test('an elicitation form is filled in and accepted, and the server receives the content', async ({ page }, testInfo) => {
  const panel = await openTool(page, 'ask_form');
  await panel.getByTestId('run-tool').click();

  const dialog = page.getByTestId('server-request-dialog');
  await expect(dialog.getByTestId('elicitation-message')).toHaveText('Tell us who you are.');
  // The name is required: accepting without it shows the problem and sends nothing.
  await dialog.getByTestId('elicitation-accept').click();
  await expect(dialog.getByTestId('elicitation-form')).toContainText(/required/i);
  await expect(dialog).toBeVisible();

  await dialog.getByLabel('Name').fill('Ada');
  await dialog.getByLabel('Age').fill('36');
  await saveScreenshot(page, testInfo, 'elicitation-form');
  await dialog.getByTestId('elicitation-accept').click();
  await expect(dialog).toBeHidden();

  const result = panel.getByTestId('tool-result');
  await expect(result).toContainText('answer: {"action":"accept","content":{"name":"Ada","age":36}}');
});

test('a declined elicitation tells the server so', async ({ page }) => {
  const panel = await openTool(page, 'ask_form');
  await panel.getByTestId('run-tool').click();
  const dialog = page.getByTestId('server-request-dialog');
  await dialog.getByTestId('elicitation-decline').click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByTestId('tool-result')).toContainText('answer: {"action":"decline"}');
});

test('a URL request shows the URL and its host, and opens it only once the person confirms', async ({ page }) => {
  // The page the server names, served here so the browser that opens it has something to show.
  await page.context().route('https://login.example.invalid/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Sign in</title>' }));
  const panel = await openTool(page, 'ask_url');
  await panel.getByLabel('url', { exact: true }).fill('https://login.example.invalid/connect?session=1');
  await panel.getByTestId('run-tool').click();

  const dialog = page.getByTestId('server-request-dialog');
  await expect(dialog.getByTestId('elicitation-url-text')).toHaveText('https://login.example.invalid/connect?session=1');
  await expect(dialog.getByTestId('elicitation-url-host')).toHaveText('login.example.invalid');
  await dialog.getByTestId('elicitation-url-open').click();
  expect(page.context().pages()).toHaveLength(1);
  const opened = page.context().waitForEvent('page');
  await dialog.getByTestId('elicitation-url-confirm').click();
  const signIn = await opened;
  await signIn.waitForLoadState();
  expect(signIn.url()).toBe('https://login.example.invalid/connect?session=1');
  await expect(dialog).toBeHidden();
  await expect(panel.getByTestId('tool-result')).toContainText('answer: {"action":"accept"}');
});

test('folders edited in the Clients tab reach the running server, which is told its roots changed', async ({ page }) => {
  await openApp(page, host, `#/servers/${SERVER}/clients`);
  const tab = page.getByTestId('clients-tab');
  await tab.getByTestId('roots-input').fill('/srv/projects/site\n/srv/projects/blog');
  await tab.getByTestId('roots-save').click();
  await expect(tab.getByTestId('roots-save')).toBeDisabled();

  const seen = async () => {
    const { result } = await callHost(host, 'tools.call', { serverId: SERVER, name: 'roots_seen', arguments: {} });
    const [first] = result.content;
    return JSON.parse(first?.type === 'text' ? first.text : '{}') as { rootsChanged: number; roots: string[] };
  };
  await expect.poll(async () => (await seen()).rootsChanged).toBe(1);
  expect((await seen()).roots).toEqual(['file:///srv/projects/site', 'file:///srv/projects/blog']);
});
