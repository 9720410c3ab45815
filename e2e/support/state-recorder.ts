/**
 * Records what an element shows, in order, as the page renders it: a StateBadge's state (its
 * data-state attribute) or any element's text. A MutationObserver sees each DOM change, so a state
 * shown only briefly (a one-second backoff on a loaded machine, a short "starting") is never
 * missed, as polling from the test process can miss it.
 */
import type { Page } from '@playwright/test';

/** Shown in the sequence while no element has the test id (e.g. between pages). */
export const ABSENT = '(absent)';

/** What is recorded of the element: its data-state attribute, or its text. */
export type RecordedAspect = 'state' | 'text';

interface RecorderScope {
  document: {
    querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
  };
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: Record<string, unknown>): void };
  __e2eRecords?: Record<string, string[]>;
}

const keyOf = (testId: string, aspect: RecordedAspect) => `${aspect}:${testId}`;

/** Starts recording the element with this data-testid; read the sequence with recorded(). */
export async function startRecording(page: Page, testId: string, aspect: RecordedAspect): Promise<void> {
  await page.evaluate(
    ([id, what, key, absent]) => {
      const scope = globalThis as unknown as RecorderScope;
      const seen: string[] = [];
      const record = () => {
        const element = scope.document.querySelector(`[data-testid="${id}"]`);
        const value = element === null ? absent : ((what === 'state' ? element.getAttribute('data-state') : element.textContent) ?? '');
        if (seen[seen.length - 1] !== value) seen.push(value);
      };
      record();
      new scope.MutationObserver(record).observe(scope.document, { subtree: true, childList: true, characterData: true, attributes: true });
      (scope.__e2eRecords ??= {})[key] = seen;
    },
    [testId, aspect, keyOf(testId, aspect), ABSENT] as const,
  );
}

/** The distinct values shown since startRecording, oldest first. */
export async function recorded(page: Page, testId: string, aspect: RecordedAspect): Promise<string[]> {
  return page.evaluate((key) => [...((globalThis as unknown as RecorderScope).__e2eRecords?.[key] ?? [])], keyOf(testId, aspect));
}

export const recordStates = (page: Page, testId: string) => startRecording(page, testId, 'state');
export const recordedStates = (page: Page, testId: string) => recorded(page, testId, 'state');
