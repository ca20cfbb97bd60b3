import { Injectable } from '@nestjs/common';

import type { StrategyControl } from '../../domain/engine/strategy-control';
import { StrategyError } from '../../domain/strategy.errors';
import { StrategyClockPort } from '../ports/strategy-clock.port';
import { StrategyInstanceRepository } from '../ports/strategy-instance.repository.port';
import { StrategyRuntime } from '../strategy-runtime';

/**
 * What pause and resume share: the instance must be the one this engine runs; a change is stored
 * before the engine acts on it, so a failed save changes nothing.
 */
@Injectable()
export class StrategyControlUpdater {
  constructor(
    private readonly runtime: StrategyRuntime,
    private readonly instances: StrategyInstanceRepository,
    private readonly clock: StrategyClockPort,
  ) {}

  async update(
    strategyId: string,
    change: (control: StrategyControl, now: Date) => StrategyControl,
  ): Promise<StrategyControl> {
    if (strategyId !== this.runtime.strategyId) {
      throw new StrategyError(
        'STRATEGY_NOT_FOUND',
        `this trading engine runs ${this.runtime.strategyId}, not ${strategyId}`,
        { strategyId },
      );
    }
    const next = change(this.runtime.control, this.clock.now());
    if (next !== this.runtime.control) {
      await this.instances.saveControl(strategyId, next);
      this.runtime.control = next;
    }
    return next;
  }
}
