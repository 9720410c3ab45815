/**
 * The window's minimum size is 720×600. At that size every control of every page can be reached:
 * scrolled into view (up or down only), it lies inside the window's width, is not covered or clipped by anything
 * (the point at its centre hits it), and the log search box keeps a usable width.
 */
import { expect, test, type Page } from '@playwright/test';
import { addScratchServer, ensureRunning, openApp, removeScratchServer } from './support/app';
import { readE2eContext } from './support/e2e-context';
import { saveScreenshot } from './support/screenshots';

const host = readE2eContext();
const SCRATCH = 'narrow-scratch';
const MIN_WIDTH = 720;
const MIN_HEIGHT = 600;

interface Unreachable {
  control: string;
  why: string;
}

/**
 * Every visible button, link, field, select and switch in the page, each scrolled into view in
 * turn and hit-tested at its centre. A switch's input is drawn by its label, so the label is tested.
 */
function unreachableControls(page: Page): Promise<Unreachable[]> {
  return page.evaluate(() => {
    interface Box {
      left: number;
      right: number;
      top: number;
      bottom: number;
      width: number;
      height: number;
    }
    interface Node {
      contains(other: Node | null): boolean;
    }
    interface Control extends Node {
      tagName: string;
      scrollLeft: number;
      parentElement: Control | null;
      textContent: string | null;
      closest(selector: string): Control | null;
      getAttribute(name: string): string | null;
      getBoundingClientRect(): Box;
      scrollIntoView(options: { block: string; inline: string }): void;
      checkVisibility(): boolean;
    }
    const scope = globalThis as unknown as {
      innerWidth: number;
      innerHeight: number;
      document: { querySelectorAll(selector: string): ArrayLike<Control>; elementFromPoint(x: number, y: number): Control | null };
    };
    const describe = (control: Control) =>
      `${control.tagName.toLowerCase()} ${control.getAttribute('data-testid') ?? control.getAttribute('aria-label') ?? (control.textContent ?? '').trim().slice(0, 40)}`;
    const problems: Unreachable[] = [];
    const controls = Array.from(scope.document.querySelectorAll('main button, main a[href], main input, main select, main textarea, main [role="tab"]'));
    for (const control of controls) {
      if (!control.checkVisibility()) continue;
      const target = control.getAttribute('role') === 'switch' ? (control.closest('label') ?? control) : control;
      target.scrollIntoView({ block: 'center', inline: 'center' });
      const box = target.getBoundingClientRect();
      // scrollIntoView also scrolls boxes a person cannot scroll (overflow: hidden), so any sideways scroll counts.
      let scrolledSideways: Control | null = null;
      for (let ancestor = target.parentElement; ancestor; ancestor = ancestor.parentElement) {
        if (ancestor.scrollLeft !== 0) scrolledSideways = ancestor;
        ancestor.scrollLeft = 0;
      }
      if (scrolledSideways) {
        problems.push({ control: describe(control), why: `only in view after scrolling ${describe(scrolledSideways)} sideways` });
        continue;
      }
      if (box.width < 4 || box.height < 4) {
        problems.push({ control: describe(control), why: `${Math.round(box.width)}×${Math.round(box.height)} px` });
        continue;
      }
      if (box.left < 0 || box.right > scope.innerWidth + 0.5) {
        problems.push({ control: describe(control), why: `spans x ${Math.round(box.left)}..${Math.round(box.right)}, window is ${scope.innerWidth} wide` });
        continue;
      }
      const x = box.left + box.width / 2;
      const y = Math.min(Math.max(box.top + box.height / 2, 1), scope.innerHeight - 1);
      const hit = scope.document.elementFromPoint(x, y);
      if (!hit || !(target.contains(hit) || hit.contains(target))) {
        problems.push({ control: describe(control), why: `its centre shows ${hit ? describe(hit) : 'nothing'}` });
      }
    }
    return problems;
  });
}

async function expectAllReachable(page: Page, name: string): Promise<void> {
  // Let layout settle on the controls the page is about to show.
  await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
  expect(await unreachableControls(page), `controls on ${name} that cannot be reached at ${MIN_WIDTH} px`).toEqual([]);
}

test.describe(`a ${MIN_WIDTH}×${MIN_HEIGHT} window`, () => {
  test.use({ viewport: { width: MIN_WIDTH, height: MIN_HEIGHT } });

  test.beforeAll(async () => {
    await ensureRunning(host, 'weather');
    await addScratchServer(host, SCRATCH, 'Narrow scratch');
  });

  test.afterAll(async () => {
    await removeScratchServer(host, SCRATCH);
  });

  test('the servers page shows every column and control of every row', async ({ page }, testInfo) => {
    await openApp(page, host, '#/servers');
    const row = page.getByTestId(`server-row-${SCRATCH}`);
    await expect(row.getByTestId(`server-state-${SCRATCH}`)).toHaveAttribute('data-state', 'running');
    for (const control of [`server-stop-${SCRATCH}`, `server-restart-${SCRATCH}`, `server-edit-${SCRATCH}`, `server-remove-${SCRATCH}`, `server-enabled-${SCRATCH}`, `server-autostart-${SCRATCH}`]) {
      await expect(row.getByTestId(control)).toBeAttached();
    }
    await expect(row.getByText(/MB|KB|GB/)).toBeVisible();
    await expectAllReachable(page, 'the servers page');
    await saveScreenshot(page, testInfo, 'narrow-servers');
  });

  test('every tab of a server page can be used', async ({ page }, testInfo) => {
    await openApp(page, host, `#/servers/${SCRATCH}/overview`);
    await expect(page.getByTestId('server-panel-overview')).toBeVisible();
    await expectAllReachable(page, 'the overview');
    await saveScreenshot(page, testInfo, 'narrow-overview');

    await page.getByRole('tab', { name: /Tools/ }).click();
    await page.locator('[data-testid="tool-list-item"][data-tool="get_forecast"]').click();
    await expect(page.locator('[data-testid="tool-panel"][data-tool="get_forecast"]')).toBeVisible();
    await expectAllReachable(page, 'the tools tab');
    await saveScreenshot(page, testInfo, 'narrow-tools');

    await page.getByRole('tab', { name: /Resources/ }).click();
    await expect(page.getByTestId('server-panel-resources')).toBeVisible();
    await expectAllReachable(page, 'the resources tab');

    await page.getByRole('tab', { name: /Prompts/ }).click();
    await expect(page.getByTestId('server-panel-prompts')).toBeVisible();
    await expectAllReachable(page, 'the prompts tab');

    await page.getByRole('tab', { name: 'Logs' }).click();
    const search = page.getByTestId('log-search');
    await expect(search).toBeVisible();
    expect((await search.boundingBox())?.width ?? 0, 'the log search box keeps a usable width').toBeGreaterThanOrEqual(160);
    await expectAllReachable(page, 'the logs tab');
    await saveScreenshot(page, testInfo, 'narrow-logs');

    await page.getByRole('tab', { name: 'Settings' }).click();
    await expect(page.getByTestId('server-panel-settings')).toBeVisible();
    await expectAllReachable(page, 'the server settings tab');
  });

  test('the clients and settings pages can be used', async ({ page }, testInfo) => {
    await openApp(page, host, '#/clients');
    await expect(page.getByTestId('nav-clients')).toHaveAttribute('aria-current', 'page');
    await expectAllReachable(page, 'the clients page');
    await saveScreenshot(page, testInfo, 'narrow-clients');

    await openApp(page, host, '#/settings');
    await expect(page.getByTestId('nav-settings')).toHaveAttribute('aria-current', 'page');
    await expectAllReachable(page, 'the settings page');
  });
});
