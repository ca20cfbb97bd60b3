import { Command } from '@nestjs/cqrs';

import type { StrategyControl } from '../../domain/engine/strategy-control';

/**
 * Pause the instance `strategyId`: no new entries until resumed; exits (stop loss, take profit,
 * the strategy's own exits) still go out. Idempotent: pausing a paused instance keeps its first
 * pause. Returns the resulting control; STRATEGY_NOT_FOUND when this engine runs another instance.
 */
export class PauseStrategyCommand extends Command<StrategyControl> {
  constructor(
    readonly strategyId: string,
    readonly reason: string | null,
    readonly requestedBy: string | null,
  ) {
    super();
  }
}
