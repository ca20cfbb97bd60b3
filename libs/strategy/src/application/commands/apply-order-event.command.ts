import { Command } from '@nestjs/cqrs';

import type { OrderProgress } from '../../domain/engine/strategy-book';

/** Move the strategy's positions and equity by one of its orders' events; false when ignored. */
export class ApplyOrderEventCommand extends Command<boolean> {
  constructor(
    readonly strategyId: string,
    readonly order: OrderProgress,
  ) {
    super();
  }
}
