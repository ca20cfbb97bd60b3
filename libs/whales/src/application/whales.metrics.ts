import { Counter, Registry } from 'prom-client';

import type { AlertChannelName } from './ports/alert-channel.port';

export type AlertDelivery = 'sent' | 'retried' | 'failed';

/** Whales detected and alerts delivered, on the app's registry. */
export class WhalesMetrics {
  readonly detected: Counter<'kind'>;
  readonly alerts: Counter<'channel' | 'outcome'>;

  constructor(registry: Registry = new Registry()) {
    const registers = [registry];
    this.detected = new Counter({
      name: 'nexwave_whales_detected_total',
      help: 'New whale activities recorded, by kind (single | ladder)',
      labelNames: ['kind'],
      registers,
    });
    this.alerts = new Counter({
      name: 'nexwave_whale_alerts_total',
      help: 'Whale alert deliveries, by channel (telegram | discord) and outcome (sent | retried | failed: given up)',
      labelNames: ['channel', 'outcome'],
      registers,
    });
  }

  delivered(channel: AlertChannelName, outcome: AlertDelivery): void {
    this.alerts.inc({ channel, outcome });
  }
}
