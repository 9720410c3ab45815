import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { waitAtMost } from './bounded-wait';
import { debounce } from './debounce';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('debounce', () => {
  it('runs once after a burst of requests goes quiet', () => {
    const task = vi.fn();
    const rebuild = debounce(task, 200);
    for (let index = 0; index < 50; index += 1) {
      rebuild.request();
      vi.advanceTimersByTime(10);
    }
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(task).toHaveBeenCalledTimes(1);
    rebuild.request();
    vi.advanceTimersByTime(200);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('forgets a pending run when cancelled', () => {
    const task = vi.fn();
    const rebuild = debounce(task, 200);
    rebuild.request();
    rebuild.cancel();
    vi.advanceTimersByTime(1_000);
    expect(task).not.toHaveBeenCalled();
  });
});

describe('waitAtMost', () => {
  it('reports done or failed when the work settles in time', async () => {
    await expect(waitAtMost(Promise.resolve(), 1_000)).resolves.toBe('done');
    await expect(waitAtMost(Promise.reject(new Error('x')), 1_000)).resolves.toBe('failed');
  });

  it('gives up after the timeout on work that never ends', async () => {
    const outcome = waitAtMost(new Promise(() => {}), 10_000);
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(outcome).resolves.toBe('timed-out');
  });
});
