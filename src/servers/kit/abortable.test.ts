import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { abortableDelay } from './abortable';

describe('abortableDelay', () => {
  it('leaves no listener on the signal once the wait is over, however many waits share it', async () => {
    const controller = new AbortController();
    for (let wait = 0; wait < 3; wait += 1) await abortableDelay(1, controller.signal);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('rejects with the reason the moment the signal aborts', async () => {
    const controller = new AbortController();
    const waiting = abortableDelay(60_000, controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    await expect(abortableDelay(1, controller.signal)).rejects.toThrow('cancelled');
  });
});
