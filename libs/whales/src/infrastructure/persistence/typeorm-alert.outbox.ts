import type { Repository } from 'typeorm';

import type { AlertChannelName } from '../../application/ports/alert-channel.port';
import { AlertOutboxPort, type PendingAlert } from '../../application/ports/alert-outbox.port';
import type { WhaleAlertEntity } from './whale-alert.entity';
import { CLAIM_DUE_ALERT } from './whales.sql';

interface AlertRow {
  id: string;
  activity_id: string;
  channel: AlertChannelName;
  payload: object;
  attempts: number;
}

/**
 * whale_alerts; each call is one statement (no transaction is held across a send). The lease is
 * SQL (FOR UPDATE SKIP LOCKED), the settling updates go through the entity.
 */
export class TypeOrmAlertOutbox extends AlertOutboxPort {
  constructor(private readonly alerts: Repository<WhaleAlertEntity>) {
    super();
  }

  async claimDue(
    channel: AlertChannelName,
    now: Date,
    leaseUntil: Date,
  ): Promise<PendingAlert | null> {
    // An UPDATE ... RETURNING answers [rows, affected count] through TypeORM's pg driver.
    const [rows] = await this.alerts.query<[AlertRow[], number]>(CLAIM_DUE_ALERT, [
      channel,
      now,
      leaseUntil,
    ]);
    const row = rows[0];
    return row
      ? {
          id: row.id,
          activityId: row.activity_id,
          channel: row.channel,
          payload: row.payload,
          attempts: row.attempts,
        }
      : null;
  }

  async markSent(id: string, sentAt: Date): Promise<void> {
    await this.alerts.update(id, { status: 'sent', sentAt, attempts: tried, lastError: null });
  }

  async retryLater(id: string, nextAttemptAt: Date, error: string): Promise<void> {
    await this.alerts.update(id, { attempts: tried, nextAttemptAt, lastError: error });
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.alerts.update(id, { status: 'failed', attempts: tried, lastError: error });
  }
}

/** One more attempt, counted in the database (a lease may have moved the row meanwhile). */
const tried = (): string => 'attempts + 1';
