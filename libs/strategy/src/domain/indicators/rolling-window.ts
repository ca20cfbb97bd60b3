/** The last `capacity` values of a stream, in a ring: pushing returns the value it pushed out. */
export class RollingWindow {
  private readonly values: number[] = [];
  private next = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`a window holds at least one value, got ${capacity}`);
    }
  }

  get size(): number {
    return this.values.length;
  }

  get isFull(): boolean {
    return this.values.length === this.capacity;
  }

  /** True after a push that completed a full turn of the ring (every `capacity` pushes). */
  get wrapped(): boolean {
    return this.next === 0;
  }

  push(value: number): number | undefined {
    const evicted = this.isFull ? this.values[this.next] : undefined;
    this.values[this.next] = value;
    this.next = (this.next + 1) % this.capacity;
    return evicted;
  }

  toArray(): readonly number[] {
    return this.values;
  }
}
