import { Logger } from '@nestjs/common';

import { NoResponderError } from '../messaging.errors';
import { TransportRecord } from '../transport-record';

export type BrokerListener = (record: TransportRecord) => Promise<void>;
export type BrokerResponder = (record: TransportRecord) => Promise<unknown>;

/**
 * An in-process stand-in for Kafka. Each subscription behaves like a consumer group with one
 * partition per key: records with the same key reach it one at a time in publish order, other
 * keys in parallel. Delivery is always asynchronous: never inside `publish`.
 */
export class InMemoryBroker {
  private readonly logger = new Logger(InMemoryBroker.name);
  private readonly subscriptions = new Map<string, Set<BrokerSubscription>>();
  private readonly responders = new Map<string, BrokerResponder>();
  private readonly inFlight = new Set<Promise<void>>();

  publish(topic: string, record: TransportRecord): void {
    for (const subscription of this.subscriptions.get(topic) ?? []) {
      this.track(subscription.enqueue(record));
    }
  }

  subscribe(topic: string, listener: BrokerListener): () => void {
    const subscription = new BrokerSubscription(listener, (error) =>
      this.logger.error(`Listener on ${topic} failed: ${String(error)}`),
    );
    const subscriptions = this.subscriptions.get(topic) ?? new Set();
    subscriptions.add(subscription);
    this.subscriptions.set(topic, subscriptions);
    return () => subscriptions.delete(subscription);
  }

  respond(topic: string, responder: BrokerResponder): () => void {
    this.responders.set(topic, responder);
    return () => {
      if (this.responders.get(topic) === responder) {
        this.responders.delete(topic);
      }
    };
  }

  async request(topic: string, record: TransportRecord): Promise<unknown> {
    await Promise.resolve();
    const responder = this.responders.get(topic);
    if (!responder) {
      throw new NoResponderError(topic);
    }
    return responder(record);
  }

  /** Resolves once every record published so far (and any they caused) has been handled. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) {
      await Promise.all([...this.inFlight]);
    }
  }

  private track(delivery: Promise<void>): void {
    this.inFlight.add(delivery);
    void delivery.finally(() => this.inFlight.delete(delivery));
  }
}

class BrokerSubscription {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(
    private readonly listener: BrokerListener,
    private readonly onError: (error: unknown) => void,
  ) {}

  enqueue(record: TransportRecord): Promise<void> {
    const key = record.key ?? '';
    const delivery = (this.tails.get(key) ?? Promise.resolve())
      .then(() => this.listener(record))
      .catch(this.onError);
    this.tails.set(key, delivery);
    void delivery.then(() => {
      if (this.tails.get(key) === delivery) {
        this.tails.delete(key);
      }
    });
    return delivery;
  }
}
