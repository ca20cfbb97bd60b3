import type { AlertChannelName } from '../application/ports/alert-channel.port';
import { AlertOutboxPort, type PendingAlert } from '../application/ports/alert-outbox.port';

type Status = 'pending' | 'sent' | 'failed';

/** The whale_alerts outbox in memory; every queued alert is due at once. */
export class InMemoryAlertOutbox extends AlertOutboxPort {
  private readonly alerts: { alert: PendingAlert; status: Status; leasedUntil: number }[] = [];

  queue(activityId: string, channel: AlertChannelName, payload: object): void {
    const id = String(this.alerts.length + 1);
    this.alerts.push({
      alert: { id, activityId, channel, payload, attempts: 0 },
      status: 'pending',
      leasedUntil: 0,
    });
  }

  statuses(): Status[] {
    return this.alerts.map((a) => a.status);
  }

  claimDue(channel: AlertChannelName, now: Date, leaseUntil: Date): Promise<PendingAlert | null> {
    const due = this.alerts.find(
      (a) =>
        a.alert.channel === channel && a.status === 'pending' && a.leasedUntil <= now.getTime(),
    );
    if (due) {
      due.leasedUntil = leaseUntil.getTime();
    }
    return Promise.resolve(due?.alert ?? null);
  }

  markSent(id: string): Promise<void> {
    return this.settle(id, 'sent');
  }

  retryLater(id: string, nextAttemptAt: Date): Promise<void> {
    this.find(id).leasedUntil = nextAttemptAt.getTime();
    return Promise.resolve();
  }

  markFailed(id: string): Promise<void> {
    return this.settle(id, 'failed');
  }

  private settle(id: string, status: Status): Promise<void> {
    this.find(id).status = status;
    return Promise.resolve();
  }

  private find(id: string) {
    return this.alerts.find((a) => a.alert.id === id)!;
  }
}
