import { Command } from '@nestjs/cqrs';

import type { StrategyControl } from '../../domain/engine/strategy-control';

/**
 * Resume the instance `strategyId`: it enters again from the next candle. Idempotent. Returns the
 * resulting control; STRATEGY_NOT_FOUND when this engine runs another instance.
 */
export class ResumeStrategyCommand extends Command<StrategyControl> {
  constructor(
    readonly strategyId: string,
    readonly reason: string | null,
    readonly requestedBy: string | null,
  ) {
    super();
  }
}
