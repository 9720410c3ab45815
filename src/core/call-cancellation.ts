/**
 * The cancel switch of one tool call, handed to the SDK as its AbortSignal.
 *
 * The SDK's request() reads `aborted` and `reason`, calls `throwIfAborted()` and adds one 'abort'
 * listener, nothing more. A Node AbortController costs several microseconds to create and listen
 * to, a tenth of a whole local round trip, on every call; this is the same contract for that one
 * use. The supervisor tests cancel real calls through the SDK, so a change in how the SDK uses the
 * signal shows up there.
 */
export class CallCancellation {
  aborted = false;
  reason: unknown = undefined;
  private listeners: Array<(event: Event) => void> = [];

  /** What the SDK's request options take. */
  get signal(): AbortSignal {
    return this as unknown as AbortSignal;
  }

  throwIfAborted(): void {
    if (this.aborted) throw this.reason;
  }

  addEventListener(type: string, listener: (event: Event) => void): void {
    if (type === 'abort' && !this.aborted) this.listeners.push(listener);
  }

  removeEventListener(type: string, listener: (event: Event) => void): void {
    if (type === 'abort') this.listeners = this.listeners.filter((candidate) => candidate !== listener);
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const listeners = this.listeners;
    this.listeners = [];
    const event = new Event('abort');
    for (const listener of listeners) listener.call(this.signal, event);
  }
}
