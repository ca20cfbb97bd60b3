import { InboxMessageEntity } from './inbox/inbox-message.entity';
import { OutboxMessageEntity } from './outbox/outbox-message.entity';

/** The outbox and inbox tables, registered by MessagingModule when it uses the database. */
export const MESSAGING_ENTITIES = [OutboxMessageEntity, InboxMessageEntity];
