/**
 * A fixed-capacity ring: pushing is O(1) and, once full, overwrites the oldest item.
 * Slots grow on demand so an idle server's buffer costs nothing up front.
 */
export class RingBuffer<T> {
  private slots: T[] = [];
  /** Index of the oldest item once the ring has wrapped; 0 while it is still filling. */
  private oldest = 0;
  private capacityValue: number;

  constructor(capacity: number) {
    this.capacityValue = checkedRingCapacity(capacity);
  }

  get capacity(): number {
    return this.capacityValue;
  }

  get size(): number {
    return this.slots.length;
  }

  push(item: T): void {
    if (this.slots.length < this.capacityValue) {
      this.slots.push(item);
      return;
    }
    this.slots[this.oldest] = item;
    this.oldest = this.oldest + 1 === this.capacityValue ? 0 : this.oldest + 1;
  }

  /** The item at `index`, 0 being the oldest and `size - 1` the newest. */
  at(index: number): T | undefined {
    if (index < 0 || index >= this.slots.length) return undefined;
    const slot = this.oldest + index;
    return this.slots[slot >= this.capacityValue ? slot - this.capacityValue : slot];
  }

  /** Oldest first. */
  toArray(): T[] {
    return [...this.slots.slice(this.oldest), ...this.slots.slice(0, this.oldest)];
  }

  /** Changes the capacity, keeping the newest items that fit. */
  resize(capacity: number): void {
    const next = checkedRingCapacity(capacity);
    const items = this.toArray();
    this.slots = items.length > next ? items.slice(items.length - next) : items;
    this.oldest = 0;
    this.capacityValue = next;
  }

  clear(): void {
    this.slots = [];
    this.oldest = 0;
  }
}

/** Returns `capacity` when it is a whole number of at least 1, otherwise throws a RangeError. */
export function checkedRingCapacity(capacity: number): number {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`A log buffer holds at least 1 entry (a whole number); got ${capacity}.`);
  }
  return capacity;
}
