import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { admits } from '../../domain/engine/strategy-control';
import { candleEnd } from '../../domain/strategy';
import type { SignalRecord } from '../ports/signal.repository.port';
import { SignalRecorder } from '../signal-recorder';
import { StrategyRuntime } from '../strategy-runtime';
import { EvaluateCandleCommand } from './evaluate-candle.command';
import { RecordPerformanceCommand } from './record-performance.command';

@CommandHandler(EvaluateCandleCommand)
export class EvaluateCandleHandler implements ICommandHandler<EvaluateCandleCommand> {
  constructor(
    private readonly runtime: StrategyRuntime,
    private readonly recorder: SignalRecorder,
    private readonly commands: CommandBus,
  ) {}

  async execute({ candle }: EvaluateCandleCommand): Promise<SignalRecord[]> {
    const { strategy, book } = this.runtime;
    book.mark(candle.symbol, candle.close);
    const stored: SignalRecord[] = [];
    // The strategy sees every candle, so its indicators stay current while paused; a paused
    // instance drops its entries (not stored: nothing was decided) and still sends its exits.
    for (const signal of strategy.onCandle(candle, book.context())) {
      if (!admits(this.runtime.control, signal)) {
        continue;
      }
      const record = await this.recorder.record(signal);
      if (record) {
        stored.push(record);
      }
    }
    if (candle.timeframe === strategy.timeframe) {
      await this.commands.execute(new RecordPerformanceCommand(candleEnd(candle), null));
    }
    return stored;
  }
}
