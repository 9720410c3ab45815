import { describe, expect, it } from 'vitest';
import { CoalescedTask } from './coalesced-task';

/** A task whose runs each wait to be released by the test. */
function controlledTask() {
  const releases: Array<() => void> = [];
  let runs = 0;
  const task = new CoalescedTask(() => {
    runs++;
    return new Promise<void>((resolve) => releases.push(resolve));
  });
  const releaseNext = async () => {
    releases.shift()?.();
    // Lets the loop see the finished run and start the queued one, if any.
    for (let tick = 0; tick < 5; tick++) await Promise.resolve();
  };
  return { task, runs: () => runs, releaseNext, pending: () => releases.length };
}

describe('CoalescedTask', () => {
  it('runs once for one request', async () => {
    const { task, runs, releaseNext, pending } = controlledTask();
    task.request();
    expect(runs()).toBe(1);
    await releaseNext();
    expect(runs()).toBe(1);
    expect(pending()).toBe(0);
  });

  it('folds a burst of requests during a run into one more run', async () => {
    const { task, runs, releaseNext, pending } = controlledTask();
    for (let index = 0; index < 500; index++) task.request();
    expect(runs()).toBe(1);
    await releaseNext();
    expect(runs()).toBe(2);
    await releaseNext();
    expect(runs()).toBe(2);
    expect(pending()).toBe(0);
  });

  it('runs again for a request after the last run ended, and goes on after a failed run', async () => {
    let runs = 0;
    const task = new CoalescedTask(async () => {
      runs++;
      throw new Error('list failed');
    });
    task.request();
    await new Promise((resolve) => setImmediate(resolve));
    task.request();
    await new Promise((resolve) => setImmediate(resolve));
    expect(runs).toBe(2);
  });
});
