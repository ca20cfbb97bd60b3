import { Command } from '@nestjs/cqrs';

import type { PositionDifference } from '../exchange-updates/reconciliation-plan';

export type ReconciliationTrigger = 'startup' | 'schedule' | 'admin';

/** What one reconciliation pass found and corrected; every correction is also an order event. */
export interface ReconciliationReport {
  readonly checkedAt: Date;
  /** Fills found on the exchange and applied (never invented). */
  readonly fillsApplied: number;
  /** Orders whose status was corrected (missed cancel, expiry, fate of an unknown order). */
  readonly ordersCorrected: readonly string[];
  /** Orders still unknown after the pass: they are alerted. */
  readonly unknownOrders: readonly string[];
  /** Orders working on the exchange that we did not place, recorded by this pass (clientOrderIds). */
  readonly adoptedOrders: readonly string[];
  /** Working on the exchange, not ours and not recordable (exchange order ids). */
  readonly foreignOrders: readonly string[];
  /** Symbols whose position on the exchange differs from the one our fills built. */
  readonly positionDifferences: readonly PositionDifference[];
}

/** Compare open orders, fills and positions on the exchange with ours and correct ours. */
export class ReconcileOrdersCommand extends Command<ReconciliationReport> {
  constructor(readonly trigger: ReconciliationTrigger) {
    super();
  }
}
