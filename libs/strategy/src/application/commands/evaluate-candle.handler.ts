import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { sizeToLot } from '../../domain/engine/lot-size';
import { signalClientOrderId } from '../../domain/engine/signal-client-order-id';
import { admits } from '../../domain/engine/strategy-control';
import { candleEnd, type Signal } from '../../domain/strategy';
import { MarketLotsPort } from '../ports/market-lots.port';
import { SignalRepository, type SignalRecord } from '../ports/signal.repository.port';
import { StrategyClockPort } from '../ports/strategy-clock.port';
import { SignalRiskGate } from '../signal-risk-gate';
import { StrategyRuntime } from '../strategy-runtime';
import { EvaluateCandleCommand } from './evaluate-candle.command';
import { RecordPerformanceCommand } from './record-performance.command';

@CommandHandler(EvaluateCandleCommand)
export class EvaluateCandleHandler implements ICommandHandler<EvaluateCandleCommand> {
  constructor(
    private readonly runtime: StrategyRuntime,
    private readonly lots: MarketLotsPort,
    private readonly gate: SignalRiskGate,
    private readonly signals: SignalRepository,
    private readonly clock: StrategyClockPort,
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
      const record = await this.act(signal);
      if (record) {
        stored.push(record);
      }
    }
    if (candle.timeframe === strategy.timeframe) {
      await this.commands.execute(new RecordPerformanceCommand(candleEnd(candle), null));
    }
    return stored;
  }

  /**
   * Sizes and stores one signal, pending risk before risk is asked, so that a risk outage loses
   * nothing (the gate retries it); null when it was stored before (a replay).
   */
  private async act(signal: Signal): Promise<SignalRecord | null> {
    const { strategyId } = this.runtime;
    const clientOrderId = signalClientOrderId(
      strategyId,
      signal.symbol,
      signal.intent,
      signal.bucketStart,
    );
    if (await this.signals.exists(clientOrderId)) {
      return null;
    }
    const amount = sizeToLot(signal.size, await this.lots.lotSize(signal.symbol));
    const record: SignalRecord = {
      clientOrderId,
      strategyId,
      signal,
      amount,
      risk: null,
      status: amount === null ? 'below_lot' : 'pending_risk',
      createdAt: this.clock.now(),
    };
    if (!(await this.signals.record(record, null))) {
      return null;
    }
    return record.status === 'pending_risk' ? this.gate.settle(record) : record;
  }
}
