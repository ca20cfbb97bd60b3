import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { candleEnd } from '../../domain/strategy';
import { CandleHistoryPort } from '../ports/candle-history.port';
import type { SignalRecord } from '../ports/signal.repository.port';
import { StrategyRuntime } from '../strategy-runtime';
import { EvaluateCandleCommand } from './evaluate-candle.command';
import { WarmUpStrategyCommand } from './warm-up-strategy.command';

@CommandHandler(WarmUpStrategyCommand)
export class WarmUpStrategyHandler implements ICommandHandler<WarmUpStrategyCommand> {
  constructor(
    private readonly runtime: StrategyRuntime,
    private readonly history: CandleHistoryPort,
    private readonly commands: CommandBus,
  ) {}

  async execute({ symbols, now }: WarmUpStrategyCommand): Promise<SignalRecord[]> {
    const { strategy } = this.runtime;
    const stored: SignalRecord[] = [];
    for (const symbol of symbols) {
      // One more than the window: the newest closed candle is evaluated, not only observed.
      const candles = (
        await this.history.recent(symbol, strategy.timeframe, strategy.warmUpCandles + 1)
      ).filter((candle) => candleEnd(candle) <= now);
      const newest = candles.at(-1);
      const seen = strategy.lastSeen(symbol);
      if (newest === undefined || (seen !== undefined && newest.bucketStart < seen)) {
        continue; // market-data is behind the live candles taken already: keep their state
      }
      if (seen !== undefined && newest.bucketStart <= seen) {
        // A late warm-up (live candles came first): rebuild the window over the history, which
        // holds those candles too; the newest was evaluated live already.
        strategy.warmUp(candles);
        continue;
      }
      strategy.warmUp(candles.slice(0, -1));
      stored.push(...(await this.commands.execute(new EvaluateCandleCommand(newest))));
    }
    return stored;
  }
}
