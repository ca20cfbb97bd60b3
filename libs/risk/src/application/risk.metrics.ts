import { Counter, Registry } from 'prom-client';

/** The risk service's refusals, on the app's registry. */
export class RiskMetrics {
  readonly rejections: Counter<'rule'>;

  constructor(registry: Registry = new Registry()) {
    this.rejections = new Counter({
      name: 'nexwave_risk_rejections_total',
      help: 'Orders refused by the risk manager, by the first rule that failed',
      labelNames: ['rule'],
      registers: [registry],
    });
  }
}
