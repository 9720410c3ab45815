import { describe, expect, it } from 'vitest';
import { isAtBottom, keyTarget, pageSize, rowsBySlot, rowWindow, scrollTopToReveal } from './log-window';

describe('rowWindow', () => {
  const base = { viewportHeight: 220, rowHeight: 22, rowCount: 100_000, overscan: 5 };

  it('draws the first screen plus overscan at the top', () => {
    expect(rowWindow({ ...base, scrollTop: 0 })).toEqual({ start: 0, end: 16, totalHeight: 2_200_000 });
  });

  it('draws only the rows around the offset in the middle of a long list', () => {
    const window = rowWindow({ ...base, scrollTop: 22 * 50_000 + 11 });
    expect(window.start).toBe(49_995);
    expect(window.end).toBe(50_016);
    expect(window.end - window.start).toBeLessThan(30);
  });

  it('clamps an offset past the end (elastic scroll, a shrinking list) to the last screen', () => {
    const window = rowWindow({ ...base, rowCount: 100, scrollTop: 1_000_000 });
    expect(window.end).toBe(100);
    expect(window.start).toBe(85);
  });

  it('draws nothing for an empty list', () => {
    expect(rowWindow({ ...base, rowCount: 0, scrollTop: 0 })).toEqual({ start: 0, end: 0, totalHeight: 0 });
  });

  it('draws every row of a list shorter than the viewport', () => {
    expect(rowWindow({ ...base, rowCount: 3, scrollTop: 0 })).toEqual({ start: 0, end: 3, totalHeight: 66 });
  });
});

describe('isAtBottom', () => {
  it('is true at the end and within half a row of it', () => {
    expect(isAtBottom(780, 220, 1000, 22)).toBe(true);
    expect(isAtBottom(770, 220, 1000, 22)).toBe(true);
    expect(isAtBottom(700, 220, 1000, 22)).toBe(false);
  });

  it('is true when everything fits', () => {
    expect(isAtBottom(0, 220, 66, 22)).toBe(true);
  });
});

describe('scrollTopToReveal', () => {
  it('does not move when the row is already in view', () => {
    expect(scrollTopToReveal(5, 0, 220, 22)).toBe(0);
  });

  it('scrolls up to put a row above the view at the top', () => {
    expect(scrollTopToReveal(2, 200, 220, 22)).toBe(44);
  });

  it('scrolls down just enough to show a row below the view at the bottom', () => {
    expect(scrollTopToReveal(20, 0, 220, 22)).toBe(22 * 21 - 220);
  });
});

describe('pageSize', () => {
  it('moves a screenful minus one row, and at least one', () => {
    expect(pageSize(220, 22)).toBe(9);
    expect(pageSize(10, 22)).toBe(1);
  });
});

describe('rowsBySlot', () => {
  it('keeps each row in the slot of its index modulo the window size as the window moves', () => {
    expect(rowsBySlot(0, 4)).toEqual([0, 1, 2, 3]);
    expect(rowsBySlot(5, 9)).toEqual([8, 5, 6, 7]);
    expect(rowsBySlot(3, 3)).toEqual([]);
  });
});

describe('keyTarget', () => {
  it('moves from the selection, or from the rows shown when nothing is selected', () => {
    const shown = { start: 10, end: 20 };
    expect(keyTarget('ArrowDown', -1, shown, 100, 8)).toBe(10);
    expect(keyTarget('ArrowUp', -1, shown, 100, 8)).toBe(19);
    expect(keyTarget('PageDown', 12, shown, 100, 8)).toBe(20);
    expect(keyTarget('End', 12, shown, 100, 8)).toBe(99);
    expect(keyTarget('x', 12, shown, 100, 8)).toBeUndefined();
  });
});
