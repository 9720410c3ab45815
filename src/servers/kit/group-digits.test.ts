import { describe, expect, it } from 'vitest';
import { groupDigits } from './group-digits';

describe('groupDigits', () => {
  it('groups thousands with commas, as en-US does', () => {
    for (const value of [0, 7, 999, 1_000, 65_535, 1_000_000, 1_234_567_890, -4_200]) {
      expect(groupDigits(value)).toBe(value.toLocaleString('en-US'));
    }
  });

  it('leaves what is not a whole number as it is', () => {
    expect(groupDigits(1234.5)).toBe('1234.5');
    expect(groupDigits(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });
});
