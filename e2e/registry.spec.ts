/**
 * "Add from registry" on the Servers page, against `mcp-tray serve` whose MCP_TRAY_REGISTRY_URL is
 * a fake registry and whose PATH starts with stand-in runtimes: search with paging, the entry's
 * publisher and what it will run, the secret typed in a password field, and the added server
 * running its tools. Nothing reaches a real registry.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FIXTURE_NAMES, startFakeRegistry, type FakeRegistry } from '../test/fixtures/fake-registry';
import { writeStandInRuntimes, type StandInRuntimes } from '../test/fixtures/registry-runtimes';
import { SERVER_STATE_TIMEOUT_MS } from './support/app';
import { saveScreenshot } from './support/screenshots';
import { createE2eSandbox, type E2eSandbox } from './support/sandbox';
import { callServe, startServe, type ServeProcess } from './support/serve-process';

const SECRET = 'e2e-registry-secret-91ce';

test.describe('Add from registry', () => {
  let sandbox: E2eSandbox;
  let registry: FakeRegistry;
  let runtimes: StandInRuntimes;
  let serve: ServeProcess;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    sandbox = await createE2eSandbox('e2e-registry');
    registry = await startFakeRegistry();
    runtimes = await writeStandInRuntimes(path.join(sandbox.home, 'bin'));
    sandbox.env.PATH = `${runtimes.dir}${path.delimiter}${sandbox.env.PATH}`;
    sandbox.env.MCP_TRAY_REGISTRY_URL = registry.url;
    serve = await startServe(sandbox);
  });

  test.afterAll(async () => {
    await serve?.stop();
    await registry?.close();
    await sandbox?.dispose();
  });

  test('searches with paging, shows what an entry runs and who publishes it, and adds it with its secret', async ({ page }, testInfo) => {
    await page.goto(`${serve.url}#/servers`);
    await page.getByTestId('add-from-registry').click();
    const dialog = page.getByTestId('registry-dialog');
    await dialog.getByTestId('registry-search-input').fill('fixture');
    await dialog.getByTestId('registry-search').click();
    const results = dialog.getByTestId('registry-result');
    await expect(results).toHaveCount(3);
    await dialog.getByTestId('registry-more').click();
    await expect(results).toHaveCount(6);
    await dialog.getByTestId('registry-more').click();
    await expect(results).toHaveCount(7);
    await expect(dialog.getByTestId('registry-more')).toHaveCount(0);
    await saveScreenshot(page, testInfo, 'registry-results', { fullPage: false });

    await dialog.locator(`[data-name="${FIXTURE_NAMES.remote}"]`).click();
    await expect(dialog.getByTestId('registry-entry')).toContainText('remote');
    await expect(dialog.getByTestId('registry-remotes')).toContainText('https://mcp.fixture.example/mcp');
    await expect(dialog.getByTestId('registry-add')).toBeDisabled();
    await dialog.getByTestId('registry-back').click();

    await dialog.locator(`[data-name="${FIXTURE_NAMES.npm}"]`).click();
    await expect(dialog.getByTestId('registry-namespace')).toHaveText('io.github.fixture');
    await expect(dialog.getByTestId('registry-trust')).toContainText('Installing runs code published under "io.github.fixture"');
    await expect(dialog.getByTestId('registry-command')).toHaveText('npx -y -- @fixture/weather-mcp@1.0.0 --units celsius');
    await expect(dialog.getByTestId('registry-verification')).toHaveText('Unverified');
    const secretField = dialog.getByTestId('registry-secret-FIXTURE_API_KEY');
    await expect(secretField).toHaveAttribute('type', 'password');
    await secretField.fill(SECRET);
    await dialog.getByTestId('registry-env-FIXTURE_REGION').fill('us');
    await saveScreenshot(page, testInfo, 'registry-entry', { fullPage: false });
    await dialog.getByTestId('registry-add').click();
    await expect(dialog).toBeHidden();

    const row = page.getByTestId('server-row-weather-npm');
    await expect(row).toBeVisible();
    await expect(row).toContainText(/running/i, { timeout: SERVER_STATE_TIMEOUT_MS });
    const { tools } = await callServe<{ tools: Array<{ name: string }> }>(serve, 'tools.list', { serverId: 'weather-npm' });
    expect(tools.map((tool) => tool.name)).toContain('get_weather');
    expect((await runtimes.runs()).some((run) => run.runtime === 'npx' && run.args.includes('@fixture/weather-mcp@1.0.0'))).toBe(true);
    const files = (await readdir(sandbox.dataDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    for (const file of files) expect(await readFile(path.join(file.parentPath, file.name), 'utf8')).not.toContain(SECRET);
    expect(`${serve.output().stdout}${serve.output().stderr}`).not.toContain(SECRET);
  });

  test('says the registry is out of reach and shows cached entries with their age', async ({ page }) => {
    await callServe(serve, 'registry.search', { text: 'weather-npm' });
    registry.setUnreachable(true);
    try {
      await page.goto(`${serve.url}#/servers`);
      await page.getByTestId('add-from-registry').click();
      const dialog = page.getByTestId('registry-dialog');
      await dialog.getByTestId('registry-search-input').fill('weather-npm');
      await dialog.getByTestId('registry-search').click();
      await expect(dialog.getByTestId('registry-offline')).toContainText(/could not be reached.*Showing cached entries fetched/);
      await expect(dialog.locator(`[data-name="${FIXTURE_NAMES.npm}"]`)).toBeVisible();
    } finally {
      registry.setUnreachable(false);
    }
  });
});
