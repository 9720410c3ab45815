/**
 * A screenshot of a main screen, kept as an artifact of the run: under test-results/screenshots
 * with a stable name (for CI to upload) and attached to the test in the report.
 */
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { projectRoot } from './sandbox';

export const SCREENSHOTS_DIR = 'test-results/screenshots';

/** fullPage: false takes the viewport only, for an open modal dialog (a full-page capture of the page behind it is misleading). */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const file = path.join(projectRoot, SCREENSHOTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}
