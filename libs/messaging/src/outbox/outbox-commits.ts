import { DataSource, EntityManager, EntitySubscriberInterface } from 'typeorm';

/** The QueryRunner.data key that says the open transaction holds outbox rows. */
const OUTBOX_WRITTEN = 'outboxWritten';

/** Notes on the manager's transaction that it wrote outbox rows (OutboxWriter calls it). */
export function markOutboxWritten(manager: EntityManager): void {
  const runner = manager.queryRunner;
  if (runner?.isTransactionActive) {
    runner.data[OUTBOX_WRITTEN] = true;
  }
}

/**
 * Calls `committed` after each outermost commit, on this DataSource, of a transaction that wrote
 * outbox rows, so that a relay in this process can publish them at once instead of at its next
 * poll. Returns the unsubscribe. Rows committed by other processes are left to the poll.
 */
export function onOutboxCommitted(dataSource: DataSource, committed: () => void): () => void {
  const subscriber: EntitySubscriberInterface = {
    afterTransactionCommit({ queryRunner }) {
      // A nested transaction's commit only releases a savepoint: the rows are not visible yet.
      if (!queryRunner.isTransactionActive && queryRunner.data[OUTBOX_WRITTEN] === true) {
        delete queryRunner.data[OUTBOX_WRITTEN];
        committed();
      }
    },
    afterTransactionRollback({ queryRunner }) {
      if (!queryRunner.isTransactionActive) {
        delete queryRunner.data[OUTBOX_WRITTEN];
      }
    },
  };
  dataSource.subscribers.push(subscriber);
  return () => {
    const index = dataSource.subscribers.indexOf(subscriber);
    if (index >= 0) {
      dataSource.subscribers.splice(index, 1);
    }
  };
}
