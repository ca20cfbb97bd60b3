import { EntityManager } from 'typeorm';

import { TopicPayloads } from '../contracts/registry';
import { Envelope } from '../envelope';
import { PublishOptions, sealMessage } from '../message-bus.port';
import { INSERT_OUTBOX_MESSAGE } from '../messaging.sql';
import { Topic } from '../topics';
import { markOutboxWritten } from './outbox-commits';

/**
 * Writes an outgoing message as an `outbox_messages` row inside the caller's transaction, so the
 * state change and the message commit or roll back together; OutboxRelay publishes it later.
 * Validates like `MessageBusPort.publish`: an invalid payload throws and nothing is written.
 * The transaction is marked, so that its commit wakes this process's relay.
 */
export class OutboxWriter {
  async write<T extends Topic>(
    manager: EntityManager,
    topic: T,
    payload: TopicPayloads[T],
    options: PublishOptions = {},
  ): Promise<Envelope<TopicPayloads[T]>> {
    const envelope = sealMessage(topic, payload, options);
    await manager.query(INSERT_OUTBOX_MESSAGE, [
      envelope.id,
      topic,
      envelope.key,
      JSON.stringify(envelope),
    ]);
    markOutboxWritten(manager);
    return envelope;
  }
}
