import { memoizePromise } from './memoize-promise';

export interface Readiness {
  ready: boolean;
  /** Per check: "ok" or what is wrong. */
  detail: Record<string, string>;
}

/**
 * Readiness with a short memory: a load balancer probing every second costs one check per interval,
 * and concurrent probes share the one in flight.
 */
export class CachedReadiness {
  private last: { result: Readiness; atMs: number } | undefined;
  private readonly runShared = memoizePromise(() => this.runChecks(), 'while-pending');

  constructor(
    private readonly checks: Record<string, () => Promise<void>>,
    private readonly cacheMs = 3_000,
    private readonly now: () => number = Date.now,
  ) {}

  async check(): Promise<Readiness> {
    if (this.last && this.now() - this.last.atMs < this.cacheMs) return this.last.result;
    return this.runShared();
  }

  private async runChecks(): Promise<Readiness> {
    const detail: Record<string, string> = {};
    let ready = true;
    await Promise.all(
      Object.entries(this.checks).map(async ([name, run]) => {
        try {
          await run();
          detail[name] = 'ok';
        } catch (error) {
          ready = false;
          detail[name] = error instanceof Error ? error.message : String(error);
        }
      }),
    );
    const result = { ready, detail };
    this.last = { result, atMs: this.now() };
    return result;
  }
}
