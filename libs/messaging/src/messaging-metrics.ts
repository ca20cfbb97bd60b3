import { Counter, Gauge, Registry } from 'prom-client';

/** A scrape never waits longer than this for the database. */
const BACKLOG_TIMEOUT_MS = 1_000;

/** Consumer counters; registered in the given registry (one per app) so tests never collide. */
export class MessagingMetrics {
  readonly deadLetters: Counter<'topic' | 'consumer' | 'stage'>;
  readonly retries: Counter<'topic' | 'consumer'>;
  readonly duplicates: Counter<'topic' | 'consumer'>;
  readonly outboxBacklog: Gauge;
  private backlog: (() => Promise<number>) | null = null;

  constructor(readonly registry: Registry = new Registry()) {
    this.deadLetters = new Counter({
      name: 'nexwave_messages_dead_lettered_total',
      help: 'Messages sent to a dead-letter topic, by topic, consumer and stage',
      labelNames: ['topic', 'consumer', 'stage'],
      registers: [registry],
    });
    this.retries = new Counter({
      name: 'nexwave_message_retries_total',
      help: 'Handler attempts retried after a retriable error',
      labelNames: ['topic', 'consumer'],
      registers: [registry],
    });
    this.duplicates = new Counter({
      name: 'nexwave_messages_duplicate_total',
      help: 'Messages skipped because the consumer had already handled their id',
      labelNames: ['topic', 'consumer'],
      registers: [registry],
    });
    const backlog = () => this.readBacklog();
    this.outboxBacklog = new Gauge({
      name: 'nexwave_outbox_backlog_messages',
      help: 'Outbox messages written but not yet published (0 without an outbox; kept at its last value while the database does not answer)',
      registers: [registry],
      async collect() {
        const count = await backlog();
        if (count !== null) {
          this.set(count);
        }
      },
    });
  }

  /** Where the backlog gauge reads at each scrape (the app's outbox relay). */
  observeOutboxBacklog(count: () => Promise<number>): void {
    this.backlog = count;
  }

  private async readBacklog(): Promise<number | null> {
    if (!this.backlog) {
      return null;
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), BACKLOG_TIMEOUT_MS);
    });
    const count = this.backlog().catch(() => null);
    const result = await Promise.race([count, timeout]);
    clearTimeout(timer);
    return result;
  }

  async deadLettered(topic: string): Promise<number> {
    const { values } = await this.deadLetters.get();
    return values
      .filter((sample) => sample.labels.topic === topic)
      .reduce((sum, sample) => sum + sample.value, 0);
  }
}
