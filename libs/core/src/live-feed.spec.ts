import { LiveFeed } from './live-feed';

describe('LiveFeed', () => {
  it('hands each value to every reader that accepts it', async () => {
    const feed = new LiveFeed<number>();
    const all = feed.subscribe({ capacity: 10 });
    const even = feed.subscribe({ capacity: 10, accept: (n) => n % 2 === 0 });
    [1, 2, 3, 4].forEach((n) => feed.publish(n));
    expect(await take(all, 4)).toEqual([1, 2, 3, 4]);
    expect(await take(even, 2)).toEqual([2, 4]);
  });

  it('resolves a waiting reader when a value arrives', async () => {
    const feed = new LiveFeed<string>();
    const reader = feed.subscribe({ capacity: 1 });
    const next = reader.next();
    feed.publish('a');
    await expect(next).resolves.toEqual({ value: 'a', done: false });
  });

  it('drops the oldest values of a reader that falls behind, keeping the newest', async () => {
    const feed = new LiveFeed<number>();
    const slow = feed.subscribe({ capacity: 2 });
    [1, 2, 3, 4, 5].forEach((n) => feed.publish(n));
    expect(await take(slow, 2)).toEqual([4, 5]);
  });

  it('unsubscribes a reader that is ended, and ends its pending read', async () => {
    const feed = new LiveFeed<number>();
    const reader = feed.subscribe({ capacity: 1 });
    const pending = reader.next();
    expect(feed.subscriberCount).toBe(1);
    await reader.return?.();
    await expect(pending).resolves.toEqual({ value: undefined, done: true });
    expect(feed.subscriberCount).toBe(0);
    feed.publish(1);
    await expect(reader.next()).resolves.toEqual({ value: undefined, done: true });
  });

  it('calls onEnd once when the reader is ended', async () => {
    const onEnd = jest.fn();
    const reader = new LiveFeed<number>().subscribe({ capacity: 1, onEnd });
    await reader.return?.();
    await reader.return?.();
    expect(onEnd).toHaveBeenCalledTimes(1);
  });
});

async function take<T>(reader: AsyncIterator<T>, count: number): Promise<T[]> {
  const values: T[] = [];
  for (let i = 0; i < count; i += 1) {
    values.push((await reader.next()).value as T);
  }
  return values;
}
