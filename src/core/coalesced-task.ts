/**
 * Runs an async task on request, never two at once: requests made while it runs are folded into
 * one more run after it. A burst of any size costs at most two runs, and the last run starts
 * after the last request, so its result is never older than the request.
 */
export class CoalescedTask {
  private running = false;
  private queued = false;

  /** `task` handles its own failures; a rejection only ends that run. */
  constructor(private readonly task: () => Promise<void>) {}

  request(): void {
    if (this.running) {
      this.queued = true;
      return;
    }
    void this.runUntilSettled();
  }

  private async runUntilSettled(): Promise<void> {
    this.running = true;
    try {
      do {
        this.queued = false;
        await this.task().catch(() => {});
      } while (this.queued);
    } finally {
      this.running = false;
    }
  }
}
