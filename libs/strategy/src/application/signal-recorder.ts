import { Injectable, Logger } from '@nestjs/common';

import { sizeToLot } from '../domain/engine/lot-size';
import { signalClientOrderId } from '../domain/engine/signal-client-order-id';
import { signalExpired } from '../domain/engine/signal-expiry';
import type { Signal } from '../domain/strategy';
import { MarketLotsPort } from './ports/market-lots.port';
import { SignalRepository, type SignalRecord } from './ports/signal.repository.port';
import { StrategyClockPort } from './ports/strategy-clock.port';
import { SignalRiskGate } from './signal-risk-gate';
import { StrategyRuntime } from './strategy-runtime';
import { StrategyMetrics } from './strategy.metrics';

/** A signal as decided, before it is sized and stored. */
interface SignalDraft {
  readonly clientOrderId: string;
  readonly signal: Signal;
  readonly createdAt: Date;
}

/**
 * Sizes, stores (pending risk) and settles a strategy's signals. A signal that cannot be stored
 * (the database, or the exchange for its lot size, does not answer) is kept in memory, since the
 * strategy has moved past its candle and retrying the candle would not bring it back; `flush`
 * (the pending signals retry) stores it later, or drops it with an error once it is one candle
 * old (its order would go out late), so the buffer is bounded. Its client order id keeps it
 * stored, and sent, at most once.
 */
@Injectable()
export class SignalRecorder {
  private readonly logger = new Logger(SignalRecorder.name);
  private readonly unstored = new Map<string, SignalDraft>();

  constructor(
    private readonly runtime: StrategyRuntime,
    private readonly lots: MarketLotsPort,
    private readonly gate: SignalRiskGate,
    private readonly signals: SignalRepository,
    private readonly clock: StrategyClockPort,
    private readonly metrics: StrategyMetrics,
  ) {}

  /** The signal as stored and settled now; null when stored before (a replay) or kept unstored. */
  record(signal: Signal): Promise<SignalRecord | null> {
    const clientOrderId = signalClientOrderId(
      this.runtime.strategyId,
      signal.symbol,
      signal.intent,
      signal.bucketStart,
    );
    return this.store({ clientOrderId, signal, createdAt: this.clock.now() });
  }

  /** Stores the signals kept unstored, oldest first, and returns those stored now, settled. */
  async flush(): Promise<SignalRecord[]> {
    const stored: SignalRecord[] = [];
    for (const draft of [...this.unstored.values()]) {
      if (signalExpired(draft.createdAt, this.runtime.strategy.timeframe, this.clock.now())) {
        this.unstored.delete(draft.clientOrderId);
        this.metrics.signalsLost.inc();
        this.logger.error(
          `signal ${draft.clientOrderId} lost: not stored within one candle, never sent`,
        );
        continue;
      }
      const record = await this.store(draft);
      if (record) {
        stored.push(record);
      }
    }
    return stored;
  }

  private async store(draft: SignalDraft): Promise<SignalRecord | null> {
    let record: SignalRecord | null;
    try {
      record = await this.write(draft);
    } catch (error) {
      if (!this.unstored.has(draft.clientOrderId)) {
        this.unstored.set(draft.clientOrderId, draft);
        this.logger.warn(
          `signal ${draft.clientOrderId} not stored, kept in memory for up to one candle: ${String(error)}`,
        );
      }
      return null;
    }
    this.unstored.delete(draft.clientOrderId);
    return record?.status === 'pending_risk' ? this.gate.settle(record) : record;
  }

  /** Stores the signal sized to the lot; null when it was stored before. */
  private async write({
    clientOrderId,
    signal,
    createdAt,
  }: SignalDraft): Promise<SignalRecord | null> {
    if (await this.signals.exists(clientOrderId)) {
      return null;
    }
    const amount = sizeToLot(signal.size, await this.lots.lotSize(signal.symbol));
    const record: SignalRecord = {
      clientOrderId,
      strategyId: this.runtime.strategyId,
      signal,
      amount,
      risk: null,
      status: amount === null ? 'below_lot' : 'pending_risk',
      createdAt,
    };
    return (await this.signals.record(record, null)) ? record : null;
  }
}
