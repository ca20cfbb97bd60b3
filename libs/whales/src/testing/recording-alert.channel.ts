import {
  AlertChannelPort,
  type AlertChannelName,
  type DeliveryResult,
} from '../application/ports/alert-channel.port';

/** An alert channel that accepts every send and keeps the payloads. */
export class RecordingAlertChannel extends AlertChannelPort {
  readonly sent: object[] = [];
  readonly rateLimit = { capacity: 10, refillEveryMs: 1_000 };

  constructor(readonly name: AlertChannelName) {
    super();
  }

  send(payload: object): Promise<DeliveryResult> {
    this.sent.push(payload);
    return Promise.resolve({ outcome: 'sent' });
  }
}
