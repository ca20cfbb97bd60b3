import { Counter, Gauge, Registry } from 'prom-client';

/** What exchange updates and reconciliation found, registered in the given registry (one per app, so tests never collide). */
export class ReconciliationMetrics {
  readonly passes: Counter<'outcome'>;
  readonly corrections: Counter<'kind'>;
  readonly unknownOrders: Gauge;
  readonly foreignOrders: Gauge;
  readonly positionDifferences: Gauge;
  readonly updatesNotOurs: Counter;

  constructor(readonly registry: Registry = new Registry()) {
    const registers = [registry];
    this.passes = new Counter({
      name: 'nexwave_orders_reconciliations_total',
      help: 'Reconciliation passes, by outcome (ok | failed)',
      labelNames: ['outcome'],
      registers,
    });
    this.corrections = new Counter({
      name: 'nexwave_orders_reconciliation_corrections_total',
      help: 'Order events written by reconciliation, by event type (opened, filled, canceled...)',
      labelNames: ['kind'],
      registers,
    });
    this.unknownOrders = new Gauge({
      name: 'nexwave_orders_unknown',
      help: 'Orders whose fate is still unknown after the last reconciliation (alert when > 0)',
      registers,
    });
    this.foreignOrders = new Gauge({
      name: 'nexwave_orders_foreign',
      help: 'Orders working on the exchange account that are not ours and could not be recorded, at the last reconciliation',
      registers,
    });
    this.positionDifferences = new Gauge({
      name: 'nexwave_orders_position_differences',
      help: 'Symbols whose exchange position differs from the one built from our fills',
      registers,
    });
    this.updatesNotOurs = new Counter({
      name: 'nexwave_orders_updates_not_ours_total',
      help: 'Fills and statuses the exchange pushed for orders that are not in our database',
      registers,
    });
  }
}
