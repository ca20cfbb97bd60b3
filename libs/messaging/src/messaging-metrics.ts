import { Counter, Registry } from 'prom-client';

/** Consumer counters; registered in the given registry (one per app) so tests never collide. */
export class MessagingMetrics {
  readonly deadLetters: Counter<'topic' | 'consumer' | 'stage'>;
  readonly retries: Counter<'topic' | 'consumer'>;
  readonly duplicates: Counter<'topic' | 'consumer'>;

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
  }

  async deadLettered(topic: string): Promise<number> {
    const { values } = await this.deadLetters.get();
    return values
      .filter((sample) => sample.labels.topic === topic)
      .reduce((sum, sample) => sum + sample.value, 0);
  }
}
