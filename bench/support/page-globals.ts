/**
 * The few browser APIs that code run inside the page (page.evaluate, page.waitForFunction) uses.
 * Benchmarks are type-checked with Node's types and without the DOM library (which would let DOM
 * globals slip into Node code unnoticed), so in-page code reaches them through
 * `globalThis as unknown as PageGlobals`: a cast that disappears when Playwright serialises the function.
 */
export interface PageElement {
  readonly textContent: string | null;
  readonly scrollHeight: number;
  readonly clientHeight: number;
  scrollTop: number;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  getAttribute(name: string): string | null;
  click(): void;
}

export interface PageGlobals {
  document: { querySelector(selector: string): PageElement | null };
  location: { hash: string };
  getComputedStyle(element: PageElement): { overflowY: string };
  requestAnimationFrame(callback: (time: number) => void): number;
  performance: {
    now(): number;
    clearResourceTimings(): void;
    getEntriesByType(type: 'resource'): ArrayLike<{ name: string; responseEnd: number }>;
  };
  MessageChannel: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(message: null): void } };
}
