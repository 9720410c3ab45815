import { describe, expect, it } from 'vitest';
import { RunningCalls } from './running-calls';

describe('RunningCalls', () => {
  it('refuses an id already running on any server, and takes it again once that call has ended', () => {
    const calls = new RunningCalls();
    calls.start('one', 'weather');
    expect(() => calls.start('one', 'github')).toThrow(expect.objectContaining({ code: 'conflict', message: 'A call with id "one" is already running.' }));
    calls.end('one');
    expect(() => calls.start('one', 'github')).not.toThrow();
  });

  it('cancels a call by id alone, or only when it belongs to the server that asks', () => {
    const calls = new RunningCalls();
    const weather = calls.start('w', 'weather');
    expect(calls.cancel('w', 'github')).toBe(false);
    expect(weather.aborted).toBe(false);
    expect(calls.cancel('w')).toBe(true);
    expect(weather.reason).toMatchObject({ code: 'cancelled', message: 'Cancelled by the user.' });
    expect(calls.cancel('missing')).toBe(false);
  });

  it('cancels every call of a stopping server and none of the others', () => {
    const calls = new RunningCalls();
    const first = calls.start('a', 'weather');
    const second = calls.start('b', 'weather');
    const other = calls.start('c', 'github');
    calls.cancelAllOf('weather');
    expect([first.reason, second.reason]).toEqual([
      expect.objectContaining({ code: 'cancelled', message: 'The server was stopped.' }),
      expect.objectContaining({ code: 'cancelled', message: 'The server was stopped.' }),
    ]);
    expect(other.aborted).toBe(false);
  });
});
