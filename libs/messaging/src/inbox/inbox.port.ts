export type InboxOutcome = 'handled' | 'duplicate';

/** The handler's work; `transaction` is the inbox's own (an EntityManager for the database inbox). */
export type InboxWork = (transaction: unknown) => Promise<void>;

/**
 * Consumer idempotency by (consumer, message id). `work` runs unless that pair was already
 * handled, and the pair is recorded only when `work` succeeds. A database adapter records the
 * row in the same transaction as the work, so effects and the inbox row commit together.
 */
export abstract class InboxPort {
  abstract runOnce(consumer: string, messageId: string, work: InboxWork): Promise<InboxOutcome>;
}
