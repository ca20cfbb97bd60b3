import { TickBuffer } from './tick-buffer';

const policy = { batchSize: 3, maxWaitMs: 250, capacity: 5 };

describe('TickBuffer', () => {
  it('is due when a full batch is queued', () => {
    const buffer = new TickBuffer<number>(policy);
    buffer.offer([1, 2], 0);
    expect(buffer.isDue(0)).toBe(false);
    buffer.offer([3], 0);
    expect(buffer.isDue(0)).toBe(true);
    expect(buffer.take(0)).toEqual([1, 2, 3]);
  });

  it('is due when the oldest entry has waited maxWaitMs', () => {
    const buffer = new TickBuffer<number>(policy);
    expect(buffer.msUntilDue(0)).toBeNull();
    buffer.offer([1], 1_000);
    buffer.offer([2], 1_200);
    expect(buffer.msUntilDue(1_200)).toBe(50);
    expect(buffer.isDue(1_249)).toBe(false);
    expect(buffer.isDue(1_250)).toBe(true);
  });

  it('refuses what does not fit, counting in-flight batches against the capacity', () => {
    const buffer = new TickBuffer<number>(policy);
    expect(buffer.offer([1, 2, 3, 4], 0)).toEqual({ accepted: 4, refused: [] });
    const batch = buffer.take(0);
    expect(buffer.size).toBe(4);
    expect(buffer.offer([5, 6, 7], 0)).toEqual({ accepted: 1, refused: [6, 7] });
    buffer.settle(batch.length);
    expect(buffer.size).toBe(2);
    expect(buffer.offer([8, 9, 10, 11], 0)).toEqual({ accepted: 3, refused: [11] });
  });

  it('restarts the wait of what remains after a take', () => {
    const buffer = new TickBuffer<number>(policy);
    buffer.offer([1, 2, 3, 4], 0);
    buffer.take(100);
    expect(buffer.queued).toBe(1);
    expect(buffer.msUntilDue(100)).toBe(250);
  });

  it('rejects a policy whose batch exceeds its capacity', () => {
    expect(() => new TickBuffer({ batchSize: 10, maxWaitMs: 1, capacity: 5 })).toThrow(RangeError);
  });

  it('frees the room of the settled batch only, while another batch is still in flight', () => {
    const buffer = new TickBuffer<number>(policy);
    buffer.offer([1, 2, 3, 4], 0);
    const first = buffer.take(0);
    buffer.take(0);
    expect(buffer.size).toBe(4);
    buffer.settle(first.length);
    expect(buffer.size).toBe(1);
    buffer.settle(5);
    expect(buffer.size).toBe(0);
  });

  it.each([
    { batchSize: 0, maxWaitMs: 1, capacity: 5 },
    { batchSize: 3, maxWaitMs: -1, capacity: 5 },
  ])('rejects the policy %p, naming the rule', (bad) => {
    expect(() => new TickBuffer(bad)).toThrow(
      new RangeError('TickBuffer needs 1 <= batchSize <= capacity and maxWaitMs >= 0'),
    );
  });

  it('accepts the smallest policy: a batch of 1 that fills the capacity, written without waiting', () => {
    const buffer = new TickBuffer<number>({ batchSize: 1, maxWaitMs: 0, capacity: 1 });
    expect(buffer.offer([1, 2], 0)).toEqual({ accepted: 1, refused: [2] });
    expect(buffer.isDue(0)).toBe(true);
  });
});
