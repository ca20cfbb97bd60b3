import { SendBatcher } from './send-batcher';

describe('SendBatcher', () => {
  it('sends what is submitted in one synchronous run as one batch, in order, each caller getting its result', async () => {
    const batches: number[][] = [];
    const batcher = new SendBatcher<number, string>((items) => {
      batches.push([...items]);
      return Promise.resolve(items.map((item) => `sent ${item}`));
    });

    const first = await Promise.all([1, 2, 3].map((item) => batcher.submit(item)));
    const second = await batcher.submit(4);

    expect(batches).toEqual([[1, 2, 3], [4]]);
    expect(first).toEqual(['sent 1', 'sent 2', 'sent 3']);
    expect(second).toBe('sent 4');
  });

  it('splits at the maximum batch size without reordering', async () => {
    const batches: number[][] = [];
    const batcher = new SendBatcher<number, number>((items) => {
      batches.push([...items]);
      return Promise.resolve(items);
    }, 2);

    await Promise.all([1, 2, 3, 4, 5].map((item) => batcher.submit(item)));

    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('sends one batch at a time: what arrives while one is in flight goes in the next', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const firstSent = new Promise<void>((resolve) => (release = resolve));
    const batcher = new SendBatcher<number, number>(async (items) => {
      batches.push([...items]);
      if (batches.length === 1) {
        await firstSent;
      }
      return items;
    });

    const first = batcher.submit(1);
    await Promise.resolve();
    const later = [2, 3].map((item) => batcher.submit(item));
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1]]);
    release();

    expect(await Promise.all([first, ...later])).toEqual([1, 2, 3]);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it('rejects only the item whose send failed', async () => {
    const batcher = new SendBatcher<number, number>((items) =>
      Promise.resolve(items.map((item) => (item === 2 ? new Error('no room for 2') : item))),
    );

    const outcomes = await Promise.allSettled([1, 2, 3].map((item) => batcher.submit(item)));

    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'rejected', reason: new Error('no room for 2') },
      { status: 'fulfilled', value: 3 },
    ]);
  });

  it('rejects every caller of a batch that failed as a whole', async () => {
    const batcher = new SendBatcher<number, number>(() =>
      Promise.reject(new Error('broker unreachable')),
    );

    const outcomes = await Promise.allSettled([1, 2].map((item) => batcher.submit(item)));

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
  });

  it('keeps one batch at a time when several callers submitted before the first flush', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const firstSent = new Promise<void>((resolve) => (release = resolve));
    const batcher = new SendBatcher<number, number>(async (items) => {
      batches.push([...items]);
      if (batches.length === 1) {
        await firstSent;
      }
      return items;
    });

    const first = [1, 2].map((item) => batcher.submit(item));
    await new Promise((resolve) => setImmediate(resolve));
    const later = batcher.submit(3);
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1, 2]]);
    release();

    expect(await Promise.all([...first, later])).toEqual([1, 2, 3]);
    expect(batches).toEqual([[1, 2], [3]]);
  });
});
