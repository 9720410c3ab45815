/**
 * What the UI benchmarks share: a fresh page on the headless host, hooks that skip a part with the
 * reason when the UI lacks them, and frame times measured with requestAnimationFrame in the page.
 */
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { buildIfNeeded, createE2eSandbox, projectRoot, uiDir, type E2eSandbox } from '../../e2e/support/sandbox';
import { AppCore } from '../../src/core/app-core';
import { KeytarSecretStore } from '../../src/core/secrets';
import { startServeHttp, type ServeHttpServer } from '../../src/surfaces/http/serve-http-server';
import type { PageElement, PageGlobals } from './page-globals';

export const HOOK_TIMEOUT_MS = 20_000;
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export class MissingHook extends Error {}

export async function requireHook(page: Page, selector: string, what: string): Promise<void> {
  try {
    await page.waitForSelector(selector, { timeout: HOOK_TIMEOUT_MS, state: 'attached' });
  } catch {
    throw new MissingHook(`${what} (${selector}) did not appear within ${HOOK_TIMEOUT_MS / 1000} s`);
  }
}

/** Runs one part; a missing UI hook skips it with the reason instead of failing the whole run. */
export async function part(title: string, body: () => Promise<void>): Promise<void> {
  console.log(title);
  try {
    await body();
  } catch (error) {
    if (!(error instanceof MissingHook)) throw error;
    console.log(`  skipped: ${error.message}`);
  }
}

/** A new browser context (no cookie, no cache) opened on the link, at the given hash route. */
export async function openFresh(browser: Browser, host: ServeHttpServer, hash = ''): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // tsx compiles this file with esbuild's keepNames, which wraps named functions in __name(); the
  // callbacks sent to the page keep those calls, so the page needs the helper too.
  await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
  const page = await context.newPage();
  await page.goto(`${host.url}${hash}`, { waitUntil: 'commit' });
  return { page, close: () => context.close() };
}

/**
 * The time between frames (requestAnimationFrame deltas) over `frameCount` frames in the view
 * `viewSelector`: scrolling its virtualised list upwards half a screen per frame (a fast fling, the
 * way a trackpad throws a long list), or, with `scroll: false`, held at the bottom while it follows
 * what streams in.
 */
export async function frameTimes(page: Page, viewSelector: string, frameCount: number, scroll: boolean): Promise<number[]> {
  const frames = await page.evaluate(
    async ({ selector, count, fling }) => {
      const inPage = globalThis as unknown as PageGlobals;
      const view = inPage.document.querySelector(selector);
      if (!view) return { error: `no ${selector}` };
      // The virtualised list: the element inside the view with the most to scroll.
      let scroller: PageElement | undefined;
      for (const element of [view, ...Array.from(view.querySelectorAll('*'))]) {
        const overflow = inPage.getComputedStyle(element).overflowY;
        const room = element.scrollHeight - element.clientHeight;
        if ((overflow === 'auto' || overflow === 'scroll') && room > 0 && (!scroller || room > scroller.scrollHeight - scroller.clientHeight)) scroller = element;
      }
      if (!scroller) return { error: `nothing scrollable inside ${selector}` };
      const nextFrame = () => new Promise<number>((resolve) => inPage.requestAnimationFrame(resolve));
      scroller.scrollTop = scroller.scrollHeight;
      await nextFrame();
      const step = Math.max(1, Math.round(scroller.clientHeight / 2));
      const deltas: number[] = [];
      let last = await nextFrame();
      for (let frame = 0; frame < count; frame++) {
        if (fling) scroller.scrollTop = Math.max(0, scroller.scrollTop - step);
        const now = await nextFrame();
        deltas.push(now - last);
        last = now;
      }
      return { deltas };
    },
    { selector: viewSelector, count: frameCount, fling: scroll },
  );
  if ('error' in frames) throw new MissingHook(`the view has ${frames.error}`);
  return frames.deltas;
}

/**
 * A manager (AppCore) in this process, the headless host over it and Chromium, in a sandbox (temp
 * HOME, isolated keychain, fake Open-Meteo and GitHub), with the autostart servers running; all
 * stopped and removed after `body`.
 */
export async function withUiBenchHost(sandboxName: string, title: string, body: (browser: Browser, host: ServeHttpServer, core: AppCore) => Promise<void>): Promise<void> {
  await buildIfNeeded();
  let sandbox: E2eSandbox | undefined;
  let core: AppCore | undefined;
  let host: ServeHttpServer | undefined;
  let browser: Browser | undefined;
  try {
    sandbox = await createE2eSandbox(sandboxName);
    // keytar in this process must reach the sandbox's keychain, not the user's.
    Object.assign(process.env, sandbox.env);
    core = await AppCore.create({
      dataDir: sandbox.dataDir,
      secrets: new KeytarSecretStore(sandbox.keychainService),
      runtime: { execPath: process.execPath, runAsNode: false, serversDir: path.join(projectRoot, 'out/servers') },
      onWarning: (message) => console.warn(`warning: ${message}`),
    });
    host = await startServeHttp({ target: core, uiDir });
    await core.startAutostartServers();
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
    console.log(`${title}: Chromium ${browser.version()}, headless host on ${host.origin}`);
    await body(browser, host, core);
  } finally {
    await browser?.close();
    await host?.close();
    await core?.shutdown();
    await sandbox?.dispose();
  }
}

/** Runs a benchmark's main and exits: 0 when it finished, 1 with the error printed. */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    },
  );
}
