/**
 * Reports a recurring failure at most once per interval, saying how many were left out since, so an
 * outage is visible in the log without a line for every request.
 */
export class ThrottledReport {
  private lastReportMs = Number.NEGATIVE_INFINITY;
  private suppressed = 0;

  constructor(
    private readonly report: (suppressedSinceLast: number) => void,
    private readonly intervalMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  occurred(): void {
    const nowMs = this.now();
    if (nowMs - this.lastReportMs < this.intervalMs) {
      this.suppressed += 1;
      return;
    }
    this.lastReportMs = nowMs;
    const suppressed = this.suppressed;
    this.suppressed = 0;
    this.report(suppressed);
  }
}
