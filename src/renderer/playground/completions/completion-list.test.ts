import { describe, expect, it } from 'vitest';
import { completionSummary, LatestRequest, nextHighlight } from './completion-list';

describe('completion list', () => {
  it('keeps only the newest request current', () => {
    const requests = new LatestRequest();
    const first = requests.next();
    const second = requests.next();
    expect([requests.isCurrent(first), requests.isCurrent(second)]).toEqual([false, true]);
    requests.cancel();
    expect(requests.isCurrent(second)).toBe(false);
  });

  it('moves the highlight with the arrow keys, wrapping around', () => {
    expect(nextHighlight(-1, 3, 'ArrowDown')).toBe(0);
    expect(nextHighlight(2, 3, 'ArrowDown')).toBe(0);
    expect(nextHighlight(0, 3, 'ArrowUp')).toBe(2);
    expect(nextHighlight(-1, 3, 'ArrowUp')).toBe(2);
    expect(nextHighlight(1, 3, 'Home')).toBe(0);
    expect(nextHighlight(1, 3, 'End')).toBe(2);
    expect(nextHighlight(1, 3, 'a')).toBe(1);
    expect(nextHighlight(0, 0, 'ArrowDown')).toBe(-1);
  });

  it('says how many suggestions there are', () => {
    expect(completionSummary(3, undefined, undefined)).toBe('3 suggestions');
    expect(completionSummary(1, 1, false)).toBe('1 suggestion');
    expect(completionSummary(10, 42, true)).toBe('10 of 42 suggestions');
    expect(completionSummary(10, undefined, true)).toBe('10 suggestions, more on the server');
  });
});
