import type { AlertChannelName } from './alert-channel.port';

export interface PendingAlert {
  readonly id: string;
  readonly activityId: string;
  readonly channel: AlertChannelName;
  readonly payload: object;
  /** Tries made before this one. */
  readonly attempts: number;
}

/** The whale_alerts outbox, drained per channel. */
export abstract class AlertOutboxPort {
  /**
   * The oldest pending alert of the channel due at `now`, leased until `leaseUntil` (another
   * dispatcher skips it; if this process dies mid-send it is tried again after the lease).
   */
  abstract claimDue(
    channel: AlertChannelName,
    now: Date,
    leaseUntil: Date,
  ): Promise<PendingAlert | null>;

  abstract markSent(id: string, sentAt: Date): Promise<void>;

  abstract retryLater(id: string, nextAttemptAt: Date, error: string): Promise<void>;

  abstract markFailed(id: string, error: string): Promise<void>;
}
