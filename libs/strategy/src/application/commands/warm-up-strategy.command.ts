import { Command } from '@nestjs/cqrs';

import type { SignalRecord } from '../ports/signal.repository.port';

/**
 * Start-up: feed the strategy the last `warmUpCandles` closed candles of each symbol, then
 * evaluate the newest one, which catches up a candle missed while the engine was down (once:
 * a signal it already sent has the same client order id). Returns the signals stored now.
 */
export class WarmUpStrategyCommand extends Command<SignalRecord[]> {
  constructor(
    readonly symbols: readonly string[],
    readonly now: Date,
  ) {
    super();
  }
}
