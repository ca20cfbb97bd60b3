/** Sends a batch in order; resolves with one outcome per item (an Error rejects that item only). */
export type SendBatch<T, R> = (items: readonly T[]) => Promise<readonly (R | Error)[]>;

/**
 * Gathers the items submitted in one synchronous run (and the microtasks it queues) and sends
 * them as one batch, in submission order, so concurrent publishers share one round
 * trip. Each caller's promise settles with its own item's outcome; when the whole batch fails,
 * every caller in it is rejected: nothing is dropped silently. At most `maxBatch` items per batch.
 */
export class SendBatcher<T, R> {
  private pending: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] =
    [];

  constructor(
    private readonly sendBatch: SendBatch<T, R>,
    private readonly maxBatch = 1_000,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (this.pending.length === 0) {
        queueMicrotask(() => this.flush());
      }
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.maxBatch) {
        this.flush();
      }
    });
  }

  private flush(): void {
    const batch = this.pending;
    if (batch.length === 0) {
      return;
    }
    this.pending = [];
    this.sendBatch(batch.map((entry) => entry.item)).then(
      (outcomes) =>
        batch.forEach((entry, i) => {
          const outcome = outcomes[i];
          if (outcome instanceof Error) {
            entry.reject(outcome);
          } else {
            entry.resolve(outcome);
          }
        }),
      (error: unknown) => batch.forEach((entry) => entry.reject(error)),
    );
  }
}
