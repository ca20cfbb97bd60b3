import { MessageHandler } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';

import { contractFor } from '../contracts/registry';
import { UnknownTopicError } from '../messaging.errors';
import { EventConsumer, Invoke } from './consumer-pipeline';

/** `@EventPattern(topic, { consumer: 'risk' })` names the handler in the inbox and dead letters. */
export interface HandlerExtras {
  consumer?: string;
  /**
   * `inbox` (default): each message id is handled once, the handler's writes joining the inbox
   * transaction. `natural-key`: the handler is idempotent by a key of the payload (an order's
   * clientOrderId) and makes its own transactions, so it runs outside the inbox: with one
   * embedded-database connection, a write of its own inside the inbox transaction would wait forever.
   */
  idempotentBy?: 'inbox' | 'natural-key';
  /**
   * `group` (default): one instance of the app handles each message (the app's consumer group).
   * `every-instance`: each running instance handles every message published while it runs (a
   * live feed to its own clients, e.g. GraphQL subscriptions); nothing is replayed after a start.
   */
  delivery?: 'group' | 'every-instance';
}

export type Delivery = NonNullable<HandlerExtras['delivery']>;

/**
 * The handlers a transport server routes to. Nest chains a second @EventPattern of one topic
 * behind the first so that both always run together; here each event handler stays separate,
 * so each one is retried, deduplicated and dead-lettered on its own.
 */
export class HandlerTable {
  private readonly events = new Map<string, (EventConsumer & { delivery: Delivery })[]>();
  private readonly requests = new Map<string, Invoke>();

  constructor(private readonly group: string) {}

  /** Returns false when the pattern already has a handler (so the caller must not chain it). */
  add(
    pattern: string,
    handler: MessageHandler,
    isEventHandler: boolean,
    extras: HandlerExtras = {},
  ): boolean {
    if (!contractFor(pattern)) {
      throw new UnknownTopicError(pattern);
    }
    const invoke: Invoke = async (payload, context) => settle(await handler(payload, context));
    if (!isEventHandler) {
      this.requests.set(pattern, invoke);
      return true;
    }
    if (extras.delivery === 'every-instance' && extras.idempotentBy !== 'natural-key') {
      // The inbox is shared by the instances: the first to handle a message would hide it from the rest.
      throw new Error(`${pattern}: an every-instance handler must be idempotentBy 'natural-key'`);
    }
    const consumers = this.events.get(pattern) ?? [];
    const fallback = consumers.length === 0 ? this.group : `${this.group}#${consumers.length}`;
    consumers.push({
      consumer: extras.consumer ?? fallback,
      invoke,
      idempotentBy: extras.idempotentBy ?? 'inbox',
      delivery: extras.delivery ?? 'group',
    });
    this.events.set(pattern, consumers);
    return consumers.length === 1;
  }

  /** Topics with an event handler of this delivery (every delivery when not given). */
  eventTopics(delivery?: Delivery): string[] {
    return [...this.events.keys()].filter((topic) => this.consumersOf(topic, delivery).length > 0);
  }

  requestTopics(): string[] {
    return [...this.requests.keys()];
  }

  /** The topic's event handlers of this delivery (all of them when not given). */
  consumersOf(topic: string, delivery?: Delivery): readonly EventConsumer[] {
    const consumers = this.events.get(topic) ?? [];
    return delivery === undefined
      ? consumers
      : consumers.filter((consumer) => consumer.delivery === delivery);
  }

  responderOf(topic: string): Invoke | undefined {
    return this.requests.get(topic);
  }
}

/**
 * Nest handlers return a value, a promise or an observable (which errors if the handler threw);
 * `invoke` has awaited the promise, so a value or an observable is left.
 */
function settle(result: unknown): Promise<unknown> {
  return isObservable(result)
    ? lastValueFrom(result, { defaultValue: undefined })
    : Promise.resolve(result);
}
