export interface LiveSubscribeOptions<T> {
  /** Values kept for a reader that has not caught up; the oldest is dropped beyond it. */
  capacity: number;
  /** Only values it accepts reach this subscriber. */
  accept?: (value: T) => boolean;
  /** Called once when the reader is ended: release what feeds it. */
  onEnd?: () => void;
}

/**
 * Fan-out of live values to readers that each pull at their own pace (GraphQL subscriptions).
 * Each reader has a bounded queue: a slow one loses its oldest values, never slows the
 * publisher, and never grows memory. Ending a reader (`return()`) unsubscribes it.
 */
export class LiveFeed<T> {
  private readonly readers = new Set<LiveReader<T>>();

  publish(value: T): void {
    for (const reader of this.readers) {
      reader.offer(value);
    }
  }

  subscribe(options: LiveSubscribeOptions<T>): AsyncIterableIterator<T> {
    const reader = new LiveReader<T>(options, () => this.readers.delete(reader));
    this.readers.add(reader);
    return reader;
  }

  get subscriberCount(): number {
    return this.readers.size;
  }
}

class LiveReader<T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | undefined;
  private done = false;

  constructor(
    private readonly options: LiveSubscribeOptions<T>,
    private readonly unsubscribe: () => void,
  ) {}

  offer(value: T): void {
    if (this.done || (this.options.accept && !this.options.accept(value))) {
      return;
    }
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value, done: false });
      return;
    }
    this.queue.push(value);
    if (this.queue.length > this.options.capacity) {
      this.queue.shift();
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.queue.length > 0) {
      return Promise.resolve({ value: this.queue.shift() as T, done: false });
    }
    if (this.done) {
      return Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.done) {
      this.options.onEnd?.();
    }
    this.done = true;
    this.queue.length = 0;
    this.unsubscribe();
    const resolve = this.waiting;
    this.waiting = undefined;
    resolve?.({ value: undefined, done: true });
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
