import { describe, expect, it } from 'vitest';
import { lowestLevel, passesLevel } from './log-levels';

describe('logging levels', () => {
  it('lets a message through at or above the level asked for, and everything when none was asked', () => {
    expect(passesLevel('error', 'warning')).toBe(true);
    expect(passesLevel('info', 'warning')).toBe(false);
    expect(passesLevel('debug', undefined)).toBe(true);
  });

  it('runs the server at the least severe level any session asked for', () => {
    expect(lowestLevel(['error', undefined, 'notice', 'critical'])).toBe('notice');
    expect(lowestLevel([undefined])).toBeUndefined();
  });
});
