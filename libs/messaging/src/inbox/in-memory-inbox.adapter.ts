import { InboxOutcome, InboxPort, InboxWork } from './inbox.port';

/** Remembers the newest `capacity` handled ids per process; for the all-in-one app and tests. */
export class InMemoryInboxAdapter extends InboxPort {
  private readonly handled = new Set<string>();
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(private readonly capacity = 100_000) {
    super();
  }

  async runOnce(consumer: string, messageId: string, work: InboxWork): Promise<InboxOutcome> {
    const entry = `${consumer}\u0000${messageId}`;
    for (let running = this.inFlight.get(entry); running; running = this.inFlight.get(entry)) {
      await running.catch(() => undefined);
    }
    if (this.handled.has(entry)) {
      return 'duplicate';
    }
    const running = work(undefined);
    this.inFlight.set(entry, running);
    try {
      await running;
      this.remember(entry);
      return 'handled';
    } finally {
      this.inFlight.delete(entry);
    }
  }

  private remember(entry: string): void {
    this.handled.add(entry);
    if (this.handled.size > this.capacity) {
      const oldest = this.handled.values().next().value;
      if (oldest !== undefined) {
        this.handled.delete(oldest);
      }
    }
  }
}
