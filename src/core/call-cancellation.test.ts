import { describe, expect, it } from 'vitest';
import { CallCancellation } from './call-cancellation';

describe('CallCancellation', () => {
  it('tells its abort listeners once, with the reason readable and thrown', () => {
    const cancellation = new CallCancellation();
    const heard: string[] = [];
    cancellation.signal.addEventListener('abort', (event) => heard.push(event.type));
    expect(() => cancellation.throwIfAborted()).not.toThrow();
    const reason = new Error('stop');
    cancellation.abort(reason);
    cancellation.abort(new Error('again'));
    expect(heard).toEqual(['abort']);
    expect(cancellation.signal.aborted).toBe(true);
    expect(cancellation.signal.reason).toBe(reason);
    expect(() => cancellation.signal.throwIfAborted()).toThrow('stop');
  });

  it('forgets a removed listener', () => {
    const cancellation = new CallCancellation();
    let calls = 0;
    const listener = () => calls++;
    cancellation.signal.addEventListener('abort', listener);
    cancellation.signal.removeEventListener('abort', listener);
    cancellation.abort('gone');
    expect(calls).toBe(0);
  });
});
