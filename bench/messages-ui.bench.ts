// npm run bench:messages: the Messages tab in the system's Chromium against the headless host, with
// 10,000 real messages on the weather server's wire (get_weather calls, each a request and a response),
// against the Logs tab with 10,000 lines as the baseline, both measured in this one run:
//   scrolling   requestAnimationFrame deltas while the list is flung upwards half a screen per frame;
//   streaming   the same deltas while the list follows the tail and calls keep crossing the wire
//               (each call adds two messages and one log line).
// Median and p95 per view, and the ratio Messages/Logs; the frame budget is 16.7 ms (60 fps).
//
// UI hooks relied on: data-testid="messages-view" with "message-count" ("10,000 messages"), and
// data-testid="log-view" with "log-count"; the hash routes #/servers/<id>/messages and /logs.
import type { Browser, Page } from '@playwright/test';
import type { AppCore } from '../src/core/app-core';
import type { ServeHttpServer } from '../src/surfaces/http/serve-http-server';
import type { PageGlobals } from './support/page-globals';
import { fmt, median, percentile, verdict } from './support/stats';
import { frameTimes, openFresh, part, requireHook, runBench, withUiBenchHost } from './support/ui-page';

const MESSAGES = 10_000;
const FRAMES = Number(process.env.BENCH_FRAMES ?? 300);
const FRAME_BUDGET_MS = 16.7;
const CALL_CONCURRENCY = 8;
const WEATHER_CALL = { serverId: 'weather', name: 'get_weather', arguments: { location: 'Berlin' } } as const;

interface ViewFrames {
  scrolling: number[];
  streaming: number[];
}

/** Calls get_weather until the weather server's journal holds `count` messages. */
async function fillMessages(core: AppCore, count: number): Promise<void> {
  const held = async () => (await core.call('messages.query', { serverId: 'weather', limit: 1 })).stats.count;
  while ((await held()) < count) {
    const missingCalls = Math.ceil((count - (await held())) / 2);
    const workers = Array.from({ length: CALL_CONCURRENCY }, async (_, worker) => {
      for (let call = worker; call < missingCalls; call += CALL_CONCURRENCY) await core.call('tools.call', WEATHER_CALL);
    });
    await Promise.all(workers);
  }
}

/** Keeps calls crossing the wire (two at a time) until stopped. */
function streamCalls(core: AppCore): () => Promise<void> {
  let running = true;
  const loops = [0, 1].map(async () => {
    while (running) await core.call('tools.call', WEATHER_CALL);
  });
  return async () => {
    running = false;
    await Promise.all(loops);
  };
}

/** Opens the view at `hash` and waits until its count says (nearly) every row is there: the log's backfill may stop a line or two short. */
async function openView(browser: Browser, host: ServeHttpServer, hash: string, view: string, countHook: string, rows: number) {
  const opened = await openFresh(browser, host, hash);
  await requireHook(opened.page, `[data-testid="${view}"]`, `the view ${view}`);
  const selector = `[data-testid="${countHook}"]`;
  try {
    await opened.page.waitForFunction(
      ({ hook, wanted }) => {
        const text = (globalThis as unknown as PageGlobals).document.querySelector(hook)?.textContent ?? '';
        const shown = Number(/([\d,]+)/.exec(text)?.[1]?.replace(/,/g, '') ?? 0);
        return shown >= wanted;
      },
      { hook: selector, wanted: Math.floor(rows * 0.99) },
      { timeout: 60_000 },
    );
  } catch (error) {
    const said = await opened.page.locator(selector).textContent().catch(() => null);
    await opened.close();
    throw new Error(`${view} did not show ${rows} rows in time; its count says ${JSON.stringify(said)}`, { cause: error });
  }
  return opened;
}

async function measureView(page: Page, core: AppCore, view: string): Promise<ViewFrames> {
  const selector = `[data-testid="${view}"]`;
  const scrolling = await frameTimes(page, selector, FRAMES, true);
  const stop = streamCalls(core);
  try {
    const streaming = await frameTimes(page, selector, FRAMES, false);
    return { scrolling, streaming };
  } finally {
    await stop();
  }
}

function report(label: string, frames: number[], baseline: number[]): void {
  // Chrome coarsens rAF timestamps to 0.1 ms, so the budget is judged at that resolution.
  const p95 = Math.round(percentile(frames, 95) * 10) / 10;
  const baseP95 = Math.round(percentile(baseline, 95) * 10) / 10;
  console.log(
    `  ${label.padEnd(10)} Messages median ${fmt(median(frames), 1)} ms  p95 ${fmt(p95, 1)} ms  |  Logs median ${fmt(median(baseline), 1)} ms  p95 ${fmt(baseP95, 1)} ms  |  ratio median ${fmt(median(frames) / median(baseline))}x  p95 ${fmt(p95 / baseP95)}x  ${verdict(p95, FRAME_BUDGET_MS)}`,
  );
}

async function messagesAgainstLogs(browser: Browser, host: ServeHttpServer, core: AppCore): Promise<void> {
  // Room for every message (a forecast answer is about a kilobyte) and for every log line.
  await core.call('settings.update', { messageBufferMb: 64, logBufferSize: MESSAGES });
  await fillMessages(core, MESSAGES);
  for (let index = 0; index < MESSAGES; index++) {
    core.logs.append({ serverId: 'weather', level: index % 50 === 0 ? 'warn' : 'info', source: 'stderr', message: `bench entry ${index} ${'lorem ipsum dolor sit amet '.repeat(index % 4)}` });
  }
  const { stats } = await core.call('messages.query', { serverId: 'weather', limit: 1 });
  console.log(`  the weather server's journal: ${stats.count.toLocaleString('en')} messages, ${(stats.bytesUsed / 1024 / 1024).toFixed(1)} MB`);

  const results: Record<'messages' | 'logs', ViewFrames> = { messages: { scrolling: [], streaming: [] }, logs: { scrolling: [], streaming: [] } };
  // Interleaved twice, so a burst of load on the shared machine hits both views alike.
  for (let round = 0; round < 2; round++) {
    for (const [key, hash, view, count] of [
      ['messages', '#/servers/weather/messages', 'messages-view', 'message-count'],
      ['logs', '#/servers/weather/logs', 'log-view', 'log-count'],
    ] as const) {
      const { page, close } = await openView(browser, host, hash, view, count, MESSAGES);
      try {
        const frames = await measureView(page, core, view);
        results[key].scrolling.push(...frames.scrolling);
        results[key].streaming.push(...frames.streaming);
      } finally {
        await close();
      }
    }
  }
  console.log(`  frame times over ${2 * FRAMES} frames per view and mode (budget ${FRAME_BUDGET_MS} ms)`);
  report('scrolling', results.messages.scrolling, results.logs.scrolling);
  report('streaming', results.messages.streaming, results.logs.streaming);
}

runBench(() =>
  withUiBenchHost('bench-messages', 'Messages tab benchmark', async (browser, host, core) => {
    await part(`Messages tab with ${MESSAGES.toLocaleString('en')} messages against Logs with ${MESSAGES.toLocaleString('en')} lines`, () => messagesAgainstLogs(browser, host, core));
  }),
);
