import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { sizeToLot } from '../../domain/engine/lot-size';
import { signalClientOrderId } from '../../domain/engine/signal-client-order-id';
import { admits } from '../../domain/engine/strategy-control';
import { candleEnd, type Signal } from '../../domain/strategy';
import { MarketLotsPort } from '../ports/market-lots.port';
import { RiskCheckPort, type RiskVerdict } from '../ports/risk-check.port';
import { SignalRepository, type SignalRecord } from '../ports/signal.repository.port';
import { StrategyClockPort } from '../ports/strategy-clock.port';
import { StrategyRuntime } from '../strategy-runtime';
import { EvaluateCandleCommand } from './evaluate-candle.command';
import { toOrderRequest } from './order-request';
import { RecordPerformanceCommand } from './record-performance.command';

@CommandHandler(EvaluateCandleCommand)
export class EvaluateCandleHandler implements ICommandHandler<EvaluateCandleCommand> {
  constructor(
    private readonly runtime: StrategyRuntime,
    private readonly lots: MarketLotsPort,
    private readonly risk: RiskCheckPort,
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

  /** Sizes, checks and stores one signal; null when it was stored before (a replay). */
  private async act(signal: Signal): Promise<SignalRecord | null> {
    const { strategyId, settings } = this.runtime;
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
    const risk = amount === null ? null : await this.check(clientOrderId, signal, amount);
    const status = amount === null ? 'below_lot' : risk?.approved ? 'sent' : 'rejected';
    const record = {
      clientOrderId,
      strategyId,
      signal,
      amount,
      risk,
      status,
      createdAt: this.clock.now(),
    } as const;
    const request =
      status === 'sent' && amount !== null
        ? toOrderRequest(strategyId, clientOrderId, signal, amount, settings)
        : null;
    return (await this.signals.record(record, request)) ? record : null;
  }

  private check(clientOrderId: string, signal: Signal, amount: string): Promise<RiskVerdict> {
    const { book } = this.runtime;
    return this.risk.check({
      strategyId: this.runtime.strategyId,
      clientOrderId,
      symbol: signal.symbol,
      side: signal.side,
      intent: signal.intent,
      amount,
      price: signal.price,
      reduceOnly: signal.intent === 'exit',
      equityUsd: book.equityUsd().toFixed(),
      positions: book.positions().map((position) => ({
        symbol: position.symbol,
        size: position.size,
        entryPrice: position.entryPrice,
        markPrice: book.markPrice(position.symbol).toFixed(),
      })),
    });
  }
}
