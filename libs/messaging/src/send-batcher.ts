/** Sends a batch in order; resolves with one outcome per item (an Error rejects that item only). */
export type SendBatch<T, R> = (items: readonly T[]) => Promise<readonly (R | Error)[]>;

interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers the items submitted in one synchronous run (and the microtasks it queues), or while
 * the previous batch is in flight, and sends them as one batch in submission order: concurrent
 * publishers share one round trip, and one batch at a time means a retried batch can never be
 * overtaken by a later one. Each caller's promise settles with its own item's outcome; when the
 * whole batch fails every caller in it is rejected: nothing is dropped silently.
 */
export class SendBatcher<T, R> {
  private pending: Pending<T, R>[] = [];
  private sending = false;

  constructor(
    private readonly sendBatch: SendBatch<T, R>,
    private readonly maxBatch = 1_000,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (this.pending.length === 0 && !this.sending) {
        queueMicrotask(() => void this.flush());
      }
      this.pending.push({ item, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    this.sending = true;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatch);
      try {
        const outcomes = await this.sendBatch(batch.map((entry) => entry.item));
        batch.forEach((entry, i) => {
          const outcome = outcomes[i];
          if (outcome instanceof Error) {
            entry.reject(outcome);
          } else {
            entry.resolve(outcome);
          }
        });
      } catch (error) {
        batch.forEach((entry) => entry.reject(error));
      }
    }
    this.sending = false;
  }
}
