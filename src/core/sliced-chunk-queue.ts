import type { Readable } from 'node:stream';

/** Work done per turn of the event loop before yielding to timers, pings and the UI. */
const SLICE_MS = 8;
/** Unprocessed bytes at which the stream is paused: the writer then blocks, not the manager. */
const MAX_BACKLOG_BYTES = 4 * 1024 * 1024;

/**
 * Takes a stream's chunks as fast as they come but handles them in slices of at most SLICE_MS,
 * pausing the stream when the backlog grows, so a flood costs throughput and never responsiveness.
 */
export class SlicedChunkQueue {
  private readonly backlog: Buffer[] = [];
  private backlogBytes = 0;
  private scheduled = false;
  private ended = false;
  private onIdle: (() => void) | undefined;

  constructor(
    private readonly stream: Readable,
    private readonly handle: (chunk: Buffer) => void,
  ) {
    stream.on('data', (chunk: Buffer) => {
      this.backlog.push(chunk);
      this.backlogBytes += chunk.length;
      if (this.backlogBytes > MAX_BACKLOG_BYTES) stream.pause();
      this.schedule();
    });
    stream.once('end', () => {
      this.ended = true;
      this.checkIdle();
    });
    stream.once('close', () => {
      this.ended = true;
      this.checkIdle();
    });
  }

  /** Resolves once the stream has ended and every chunk is handled, or after graceMs, handling what arrived. */
  finish(graceMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.onIdle = undefined;
        this.drainAll();
        resolve();
      }, graceMs);
      this.onIdle = () => {
        clearTimeout(timer);
        resolve();
      };
      this.checkIdle();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.drainSlice());
  }

  private drainSlice(): void {
    this.scheduled = false;
    const deadline = performance.now() + SLICE_MS;
    while (this.backlog.length > 0 && performance.now() < deadline) this.handleNext();
    if (this.backlog.length > 0) this.schedule();
    else if (this.stream.isPaused()) this.stream.resume();
    this.checkIdle();
  }

  private drainAll(): void {
    while (this.backlog.length > 0) this.handleNext();
  }

  private handleNext(): void {
    const chunk = this.backlog.shift() as Buffer;
    this.backlogBytes -= chunk.length;
    this.handle(chunk);
  }

  private checkIdle(): void {
    if (this.ended && this.backlog.length === 0 && this.onIdle) {
      const onIdle = this.onIdle;
      this.onIdle = undefined;
      onIdle();
    }
  }
}
