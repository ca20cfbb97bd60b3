import { Command } from '@nestjs/cqrs';

import type { ImpactSettlement, PendingImpacts } from '../../domain/market-impact';
import type { ActivityAwaitingImpact } from '../ports/impact-store.port';

/** Measures an activity's pending horizons; results in what was settled (nothing is saved when empty). */
export class MeasureImpactCommand extends Command<ImpactSettlement> {
  constructor(
    readonly activity: ActivityAwaitingImpact,
    readonly pending: PendingImpacts,
  ) {
    super();
  }
}
