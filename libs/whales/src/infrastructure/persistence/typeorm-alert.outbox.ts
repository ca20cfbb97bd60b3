import { DataSource } from 'typeorm';

import type { AlertChannelName } from '../../application/ports/alert-channel.port';
import { AlertOutboxPort, type PendingAlert } from '../../application/ports/alert-outbox.port';
import {
  CLAIM_DUE_ALERT,
  MARK_ALERT_FAILED,
  MARK_ALERT_SENT,
  RETRY_ALERT_LATER,
} from './whales.sql';

interface AlertRow {
  id: string;
  activity_id: string;
  channel: AlertChannelName;
  payload: object;
  attempts: number;
}

/** whale_alerts in raw SQL; each call is one statement (no transaction is held across a send). */
export class TypeOrmAlertOutbox extends AlertOutboxPort {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async claimDue(
    channel: AlertChannelName,
    now: Date,
    leaseUntil: Date,
  ): Promise<PendingAlert | null> {
    // An UPDATE ... RETURNING answers [rows, affected count] through TypeORM's pg driver.
    const [rows] = await this.dataSource.query<[AlertRow[], number]>(CLAIM_DUE_ALERT, [
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
    await this.dataSource.query(MARK_ALERT_SENT, [id, sentAt]);
  }

  async retryLater(id: string, nextAttemptAt: Date, error: string): Promise<void> {
    await this.dataSource.query(RETRY_ALERT_LATER, [id, nextAttemptAt, error]);
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.dataSource.query(MARK_ALERT_FAILED, [id, error]);
  }
}
