export type InboxOutcome = 'handled' | 'duplicate';

/**
 * Consumer idempotency by (consumer, message id). `work` runs unless that pair was already
 * handled, and the pair is recorded only when `work` succeeds. A database adapter records the
 * row in the same transaction as the work, so effects and the inbox row commit together.
 */
export abstract class InboxPort {
  abstract runOnce(
    consumer: string,
    messageId: string,
    work: () => Promise<void>,
  ): Promise<InboxOutcome>;
}
