import { describe, expect, it } from 'vitest';
import { memoizePromise } from './memoize-promise';

/** A load whose runs the test settles by hand. */
function manualLoad() {
  const runs: Array<{ resolve: (value: number) => void; reject: (error: Error) => void }> = [];
  const load = () => new Promise<number>((resolve, reject) => runs.push({ resolve, reject }));
  return { runs, load };
}

describe('memoizePromise', () => {
  it('until-rejected: shares one run, keeps a success for good, and forgets a failure', async () => {
    const { runs, load } = manualLoad();
    const get = memoizePromise(load, 'until-rejected');
    const [first, second] = [get(), get()];
    expect(runs).toHaveLength(1);
    runs[0]!.reject(new Error('issuer down'));
    await expect(first).rejects.toThrow('issuer down');
    await expect(second).rejects.toThrow('issuer down');

    const third = get();
    expect(runs).toHaveLength(2);
    runs[1]!.resolve(7);
    expect(await third).toBe(7);
    expect(await get()).toBe(7);
    expect(runs).toHaveLength(2);
  });

  it('while-pending: shares the run in flight, and starts a new one once it settled', async () => {
    const { runs, load } = manualLoad();
    const get = memoizePromise(load, 'while-pending');
    const [first, second] = [get(), get()];
    runs[0]!.resolve(1);
    expect([await first, await second]).toEqual([1, 1]);
    const third = get();
    expect(runs).toHaveLength(2);
    runs[1]!.resolve(2);
    expect(await third).toBe(2);
  });
});
