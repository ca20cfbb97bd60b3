import { Logger } from '@nestjs/common';

import { alertRetryDelayMs } from '../../domain/alert-retry';
import { TokenBucket } from '../../domain/token-bucket';
import { AlertChannelPort, type AlertChannelName } from '../ports/alert-channel.port';
import { AlertOutboxPort, type PendingAlert } from '../ports/alert-outbox.port';
import { WhalesMetrics } from '../whales.metrics';

/** A claimed alert not settled within this time (the process died mid-send) is tried again. */
const LEASE_MS = 60_000;

export interface DispatchRound {
  readonly sent: number;
  readonly retried: number;
  readonly failed: number;
}

/**
 * Drains the alert outbox, each channel on its own: under its rate limit (a token bucket), paused
 * until the Retry-After of a 429, retrying 429/5xx/network errors with backoff and giving up after
 * MAX_ALERT_ATTEMPTS. One channel failing never holds up the other, nor detection (which only
 * writes rows). `runOnce(now)` sends what the limits allow at `now` and returns.
 */
export class AlertDispatcher {
  private readonly logger = new Logger(AlertDispatcher.name);
  private readonly buckets = new Map<AlertChannelName, TokenBucket>();
  private readonly pausedUntil = new Map<AlertChannelName, number>();
  private readonly inFlight = new Map<AlertChannelName, Promise<DispatchRound>>();
  private failedTotal = 0;

  constructor(
    private readonly outbox: AlertOutboxPort,
    private readonly channels: readonly AlertChannelPort[],
    private readonly metrics: WhalesMetrics = new WhalesMetrics(),
  ) {
    for (const channel of channels) {
      this.buckets.set(channel.name, new TokenBucket(channel.rateLimit));
    }
  }

  /** Alerts given up since start. */
  get failed(): number {
    return this.failedTotal;
  }

  async runOnce(now: Date): Promise<DispatchRound> {
    const rounds = await Promise.all(this.channels.map((channel) => this.drainOnce(channel, now)));
    return rounds.reduce(
      (total, round) => ({
        sent: total.sent + round.sent,
        retried: total.retried + round.retried,
        failed: total.failed + round.failed,
      }),
      { sent: 0, retried: 0, failed: 0 },
    );
  }

  /** A channel's drain in progress is awaited, never run twice at once. */
  private drainOnce(channel: AlertChannelPort, now: Date): Promise<DispatchRound> {
    let round = this.inFlight.get(channel.name);
    if (!round) {
      round = this.drain(channel, now).finally(() => this.inFlight.delete(channel.name));
      this.inFlight.set(channel.name, round);
    }
    return round;
  }

  private async drain(channel: AlertChannelPort, now: Date): Promise<DispatchRound> {
    const round = { sent: 0, retried: 0, failed: 0 };
    const bucket = this.buckets.get(channel.name)!;
    while (
      now.getTime() >= (this.pausedUntil.get(channel.name) ?? 0) &&
      bucket.availableAt(now).getTime() <= now.getTime()
    ) {
      const alert = await this.outbox.claimDue(
        channel.name,
        now,
        new Date(now.getTime() + LEASE_MS),
      );
      if (!alert) {
        break;
      }
      bucket.tryTake(now);
      const outcome = await this.deliver(channel, alert, now);
      this.metrics.delivered(channel.name, outcome);
      round[outcome] += 1;
    }
    return round;
  }

  private async deliver(
    channel: AlertChannelPort,
    alert: PendingAlert,
    now: Date,
  ): Promise<keyof DispatchRound> {
    const attempts = alert.attempts + 1;
    let result;
    try {
      result = await channel.send(alert.payload);
    } catch (error) {
      result = { outcome: 'retry' as const, reason: `send failed: ${String(error)}` };
    }
    if (result.outcome === 'sent') {
      await this.outbox.markSent(alert.id, now);
      return 'sent';
    }
    const delay =
      result.outcome === 'retry' ? alertRetryDelayMs(attempts, result.retryAfterMs) : null;
    const reason = `${result.reason} (attempt ${attempts})`;
    if (delay === null) {
      await this.outbox.markFailed(alert.id, reason);
      this.failedTotal += 1;
      this.logger.warn(
        `${channel.name} alert for whale activity ${alert.activityId} given up: ${reason}`,
      );
      return 'failed';
    }
    if (result.outcome === 'retry' && result.retryAfterMs !== undefined) {
      // The server's limit covers the whole chat or webhook, not just this alert.
      this.pausedUntil.set(channel.name, now.getTime() + delay);
    }
    await this.outbox.retryLater(alert.id, new Date(now.getTime() + delay), reason);
    this.logger.warn(
      `${channel.name} alert for whale activity ${alert.activityId} will be retried in ${delay} ms: ${reason}`,
    );
    return 'retried';
  }
}
