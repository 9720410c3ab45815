/**
 * The playground speaking the protocol, against a fixture server of this spec's own
 * (test/fixtures/playground-server.ts): completions while typing a prompt argument, a subscribed
 * resource that updates live, a tool that breaks its own output schema, content annotations and
 * blobs, and the log level MCP Tray's own session asks the server for.
 */
import { expect, test } from '@playwright/test';
import { addFixtureServer, callHost, openApp, removeScratchServer } from './support/app';
import { readE2eContext } from './support/e2e-context';
import { saveScreenshot } from './support/screenshots';

const host = readE2eContext();
const ID = 'e2e-protocol';

const callTool = (name: string, args: Record<string, unknown> = {}) => callHost(host, 'tools.call', { serverId: ID, name, arguments: args });

test.describe('the protocol playground', () => {
  test.beforeAll(async () => {
    await addFixtureServer(host, { id: ID, name: 'Protocol Fixture', fixture: 'playground-server', sharing: 'shared' });
  });
  test.afterAll(() => removeScratchServer(host, ID));

  test('suggests values for a prompt argument as you type, chosen with the keyboard', async ({ page }, testInfo) => {
    await openApp(page, host, `#/servers/${ID}/prompts/trip`);
    const panel = page.getByTestId('prompt-panel');
    const city = panel.getByRole('combobox', { name: 'city' });
    await city.fill('Ber');
    const options = panel.getByTestId('completion-option');
    await expect(options).toHaveText(['Berlin', 'Bern', 'Bergen']);
    await saveScreenshot(page, testInfo, 'prompt-completions');
    await city.press('ArrowDown');
    await city.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await city.press('Enter');
    await expect(city).toHaveValue('Bern');
    await expect(panel.getByTestId('completion-list')).toHaveCount(0);

    await city.fill('P');
    await expect(options).toHaveText(['Paris', 'Porto']);
    await city.press('Escape');
    await expect(panel.getByTestId('completion-list')).toHaveCount(0);
  });

  test('shows a subscribed resource as it changes on the server', async ({ page }, testInfo) => {
    await openApp(page, host, `#/servers/${ID}/resources/${encodeURIComponent('note://live')}`);
    const panel = page.getByTestId('resource-panel');
    const text = panel.getByTestId('resource-result').getByTestId('text-content');
    await expect(text).toHaveText(/^note version \d+$/);
    const before = Number(/\d+$/.exec((await text.textContent()) ?? '')?.[0]);

    await panel.getByTestId('resource-subscribe').click();
    await expect(panel.getByTestId('resource-subscribe')).toHaveText('Unsubscribe');
    await expect(panel.getByTestId('resource-live')).toBeVisible();
    await callTool('bump_note');
    await expect(text).toHaveText(`note version ${before + 1}`);
    await expect(panel.getByTestId('resource-updated-at')).toHaveText(/Updated at \d\d:\d\d:\d\d/);
    await saveScreenshot(page, testInfo, 'resource-subscribed');

    await panel.getByTestId('resource-subscribe').click();
    await expect(panel.getByTestId('resource-subscribe')).toHaveText('Subscribe');
    await expect((await callHost(host, 'servers.protocol', { id: ID })).subscriptions).toEqual([]);
  });

  test('fails the output-schema check visibly for a tool that breaks its own schema', async ({ page }, testInfo) => {
    await openApp(page, host, `#/servers/${ID}/tools/broken_output`);
    const broken = page.locator('[data-testid="tool-panel"][data-tool="broken_output"]');
    await broken.getByTestId('run-tool').click();
    const check = broken.getByTestId('output-check');
    await expect(check).toHaveAttribute('data-status', 'fail');
    await expect(check).toContainText("does not match the tool's output schema");
    await expect(check.getByTestId('output-problem')).toHaveText(['city is required', 'temperature must be a number']);
    await saveScreenshot(page, testInfo, 'output-schema-fail');

    await page.getByTestId('tools-tab').locator('[data-testid="tool-list-item"][data-tool="good_output"]').click();
    const good = page.locator('[data-testid="tool-panel"][data-tool="good_output"]');
    await good.getByTestId('run-tool').click();
    await expect(good.getByTestId('output-check')).toHaveAttribute('data-status', 'pass');
  });

  test('shows annotations and resource links, and downloads or shows blobs as text', async ({ page }) => {
    await openApp(page, host, `#/servers/${ID}/tools/rich_content`);
    const panel = page.locator('[data-testid="tool-panel"][data-tool="rich_content"]');
    await panel.getByTestId('run-tool').click();
    const result = panel.getByTestId('tool-result');
    await expect(result.getByTestId('content-annotations')).toContainText('for user');
    await expect(result.getByTestId('content-annotations')).toContainText('priority 0.9 (high)');
    await expect(result.getByTestId('content-annotations')).toContainText('modified 2026-01-02 03:04:05 UTC');
    const link = result.getByTestId('resource-link');
    await expect(link).toContainText('live-note');
    await expect(link).toContainText('note://live');
    await expect(link).toContainText('The note bump_note changes.');

    const csv = result.locator('[data-content-type="embedded resource"]').filter({ hasText: 'file:///report.csv' });
    await csv.getByTestId('blob-as-text').click();
    await expect(csv.getByTestId('blob-text')).toHaveText('city,temp\nBerlin,3\n');
    const binary = result.locator('[data-content-type="embedded resource"]').filter({ hasText: 'file:///data.bin' });
    await expect(binary.getByTestId('blob-as-text')).toHaveCount(0);
    const [download] = await Promise.all([page.waitForEvent('download'), binary.getByTestId('download-blob').click()]);
    expect(download.suggestedFilename()).toBe('data.bin');

    await link.getByTestId('open-in-resources').click();
    await expect(page.getByTestId('resource-panel')).toContainText('note://live');
  });

  test("changes what the Logs tab shows of the server's own log messages with the level control", async ({ page }, testInfo) => {
    await openApp(page, host, `#/servers/${ID}/logs`);
    const logView = page.getByTestId('log-view');
    const level = logView.getByTestId('server-log-level');
    await expect(level).toHaveValue('info');
    const search = logView.getByRole('searchbox', { name: 'Search the log' });
    const rowsWith = (text: string) => logView.getByRole('row').filter({ hasText: text });

    await callTool('log', { level: 'debug', message: 'protocol-e2e quiet debug' });
    await callTool('log', { level: 'info', message: 'protocol-e2e first marker' });
    await search.fill('protocol-e2e');
    await expect(rowsWith('protocol-e2e first marker')).toHaveCount(1);
    await expect(rowsWith('protocol-e2e quiet debug')).toHaveCount(0);

    await level.selectOption('debug');
    await expect.poll(async () => (await callHost(host, 'servers.protocol', { id: ID })).logLevel).toBe('debug');
    await callTool('log', { level: 'debug', message: 'protocol-e2e loud debug' });
    await expect(rowsWith('protocol-e2e loud debug')).toHaveCount(1);
    await saveScreenshot(page, testInfo, 'server-log-level');

    await level.selectOption('error');
    await expect.poll(async () => (await callHost(host, 'servers.protocol', { id: ID })).logLevel).toBe('error');
    await callTool('log', { level: 'warning', message: 'protocol-e2e hidden warning' });
    await callTool('log', { level: 'error', message: 'protocol-e2e second marker' });
    await expect(rowsWith('protocol-e2e second marker')).toHaveCount(1);
    await expect(rowsWith('protocol-e2e hidden warning')).toHaveCount(0);
  });
});
