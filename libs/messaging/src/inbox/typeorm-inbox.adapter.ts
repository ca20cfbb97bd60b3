import { DataSource, EntityManager } from 'typeorm';

import { MessageContext } from '../consumer/message-context';
import { InboxMessageEntity } from './inbox-message.entity';
import { InboxOutcome, InboxPort, InboxWork } from './inbox.port';

/**
 * Database inbox: in one transaction, claims (consumer, message id) in `inbox_messages` through
 * InboxMessageEntity (ON CONFLICT DO NOTHING: a second delivery claims nothing and is skipped), then runs the handler.
 * A handler opts into exactly-once effects by writing through `inboxEntityManager(context)`: its
 * writes and the inbox row then commit or roll back together. Writes made elsewhere are not
 * covered (and with embedded PGlite, pool of 1, would wait for this transaction forever).
 */
export class TypeOrmInboxAdapter extends InboxPort {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  runOnce(consumer: string, messageId: string, work: InboxWork): Promise<InboxOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const claimed = await manager
        .createQueryBuilder()
        .insert()
        .into(InboxMessageEntity)
        .values({ consumer, messageId })
        .orIgnore()
        .returning('message_id')
        .execute();
      if ((claimed.raw as unknown[]).length === 0) {
        return 'duplicate';
      }
      await work(manager);
      return 'handled';
    });
  }
}

/** The EntityManager of the database inbox's transaction, for a handler's writes. */
export function inboxEntityManager(context: MessageContext): EntityManager {
  const transaction = context.getTransaction();
  if (!(transaction instanceof EntityManager)) {
    throw new Error('No inbox transaction: configure MessagingModule with inbox: "database"');
  }
  return transaction;
}
