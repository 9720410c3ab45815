/**
 * Everything the host sent a page, kept as text so a spec can say a secret was never in it: the
 * body of every HTTP response (page.on('response')) and every Server-Sent Event message. The event
 * stream never ends, so its body cannot be read as a response; its messages are taken from
 * Chromium's own network events (CDP Network.eventSourceMessageReceived) instead, which the page
 * cannot tell apart from not being watched.
 */
import type { Page, Response } from '@playwright/test';

export interface ReceivedText {
  /** e.g. "POST /api/call/secrets.set 200" or "event log.entry". */
  source: string;
  text: string;
}

export interface PageTraffic {
  /** Every response body and event message received so far (waits for bodies still arriving). */
  received(): Promise<ReceivedText[]>;
  /** Responses whose body could not be read (e.g. a navigation cut short), by source. */
  unreadable(): string[];
}

const EVENTS_PATH = '/api/events';

/** Start before the page opens anything, so nothing it receives is missed. */
export async function watchPageTraffic(page: Page): Promise<PageTraffic> {
  const bodies: Array<Promise<ReceivedText | null>> = [];
  const unreadable: string[] = [];
  const messages: ReceivedText[] = [];

  const onResponse = (response: Response) => {
    const url = new URL(response.url());
    const source = `${response.request().method()} ${url.pathname} ${response.status()}`;
    if (url.pathname === EVENTS_PATH) return;
    bodies.push(
      response.body().then(
        (body) => ({ source, text: body.toString('utf8') }),
        () => {
          unreadable.push(source);
          return null;
        },
      ),
    );
  };
  page.on('response', onResponse);

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.eventSourceMessageReceived', (message) => {
    messages.push({ source: `event ${message.eventName}`, text: message.data });
  });

  return {
    async received() {
      const read = (await Promise.all(bodies)).filter((entry): entry is ReceivedText => entry !== null);
      return [...read, ...messages];
    },
    unreadable: () => [...unreadable],
  };
}
