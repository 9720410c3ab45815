/**
 * The first thing that must work: the printed link opens the UI, which lists the servers it got
 * from servers.list, and nothing opens without the token.
 */
import { expect, test } from '@playwright/test';
import { readE2eContext } from './support/e2e-context';
import { saveScreenshot } from './support/screenshots';

test('the printed link opens the UI, which lists the servers from servers.list', async ({ page }, testInfo) => {
  const host = readE2eContext();
  const listed = page.waitForResponse((response) => response.url() === `${host.origin}/api/call/servers.list` && response.request().method() === 'POST');
  const opened = await page.goto(host.url);
  expect(opened?.status()).toBe(200);
  const answer = await listed;
  expect(answer.status()).toBe(200);
  expect(await answer.json()).toMatchObject({ ok: true, result: expect.arrayContaining([expect.objectContaining({ id: 'weather' })]) });

  await expect(page.getByText(/weather/i).first()).toBeVisible();
  await expect(page.getByText(/github/i).first()).toBeVisible();
  // The token leaves the address bar once the session cookie holds it.
  await expect.poll(() => new URL(page.url()).searchParams.has('token')).toBe(false);
  await saveScreenshot(page, testInfo, 'servers');
});

test('a request without the token is refused (401)', async ({ browser, playwright }) => {
  const host = readE2eContext();
  const anonymous = await playwright.request.newContext();
  try {
    expect((await anonymous.get(`${host.origin}/`)).status()).toBe(401);
    expect((await anonymous.post(`${host.origin}/api/call/servers.list`, { data: {} })).status()).toBe(401);
    expect((await anonymous.get(`${host.origin}/api/events`)).status()).toBe(401);
  } finally {
    await anonymous.dispose();
  }

  // A fresh browser, with no cookie, opening the address without the link's token.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const response = await page.goto(`${host.origin}/`);
    expect(response?.status()).toBe(401);
    await expect(page.getByText(/needs the link that `mcp-tray serve` printed/)).toBeVisible();
  } finally {
    await context.close();
  }
});
