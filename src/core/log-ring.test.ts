import { describe, expect, it } from 'vitest';
import { RingBuffer } from './log-ring';

function filled(capacity: number, count: number): RingBuffer<number> {
  const ring = new RingBuffer<number>(capacity);
  for (let item = 1; item <= count; item++) ring.push(item);
  return ring;
}

describe('RingBuffer', () => {
  it('keeps items oldest first while filling', () => {
    const ring = filled(5, 3);
    expect(ring.size).toBe(3);
    expect(ring.toArray()).toEqual([1, 2, 3]);
    expect([ring.at(0), ring.at(2), ring.at(3), ring.at(-1)]).toEqual([1, 3, undefined, undefined]);
  });

  it('overwrites the oldest items once full, keeping the newest in order', () => {
    const ring = filled(4, 11);
    expect(ring.size).toBe(4);
    expect(ring.toArray()).toEqual([8, 9, 10, 11]);
    expect(Array.from({ length: 4 }, (_, index) => ring.at(index))).toEqual([8, 9, 10, 11]);
  });

  it('shrinks to the newest items and grows without losing any', () => {
    const ring = filled(4, 6);
    ring.resize(2);
    expect(ring.toArray()).toEqual([5, 6]);
    ring.push(7);
    expect(ring.toArray()).toEqual([6, 7]);
    ring.resize(5);
    ring.push(8);
    ring.push(9);
    ring.push(10);
    expect(ring.toArray()).toEqual([6, 7, 8, 9, 10]);
    ring.push(11);
    expect(ring.toArray()).toEqual([7, 8, 9, 10, 11]);
    expect(ring.capacity).toBe(5);
  });

  it('empties on clear', () => {
    const ring = filled(3, 5);
    ring.clear();
    expect(ring.size).toBe(0);
    ring.push(1);
    expect(ring.toArray()).toEqual([1]);
  });

  it('refuses a capacity that is not a whole number of at least 1', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
    expect(() => new RingBuffer(2.5)).toThrow(/at least 1/);
    expect(() => filled(2, 1).resize(-1)).toThrow(RangeError);
  });
});
