import { Injectable, Logger } from '@nestjs/common';

import type { OrderRequestV1 } from '@nexwave/messaging';

import { signalExpired } from '../domain/engine/signal-expiry';
import { toOrderRequest } from './commands/order-request';
import { RiskCheckPort, type RiskVerdict } from './ports/risk-check.port';
import { SignalRepository, type SignalRecord } from './ports/signal.repository.port';
import { StrategyClockPort } from './ports/strategy-clock.port';
import { StrategyRuntime } from './strategy-runtime';

/**
 * Settles a signal stored as pending_risk: asks risk and stores the verdict with, approved, its
 * order request (one transaction); past one candle it expires unsent instead. When risk cannot
 * answer the signal stays pending for the next retry: a candle is never what gets retried, since
 * the strategy has already moved past it; nor when the verdict's write fails (the signal stays
 * pending). One check at a time per signal in this process.
 */
@Injectable()
export class SignalRiskGate {
  private readonly logger = new Logger(SignalRiskGate.name);
  private readonly inFlight = new Set<string>();
  /** The last failure logged, so an outage is logged once, not at every retry. */
  private failure: string | null = null;

  constructor(
    private readonly runtime: StrategyRuntime,
    private readonly risk: RiskCheckPort,
    private readonly signals: SignalRepository,
    private readonly clock: StrategyClockPort,
  ) {}

  /** The signal as settled now, or as it was when risk did not answer (or another check runs). */
  async settle(pending: SignalRecord): Promise<SignalRecord> {
    if (this.inFlight.has(pending.clientOrderId)) {
      return pending;
    }
    this.inFlight.add(pending.clientOrderId);
    try {
      return await this.decide(pending);
    } finally {
      this.inFlight.delete(pending.clientOrderId);
    }
  }

  private async decide(pending: SignalRecord): Promise<SignalRecord> {
    const { strategy, strategyId, settings } = this.runtime;
    if (signalExpired(pending.createdAt, strategy.timeframe, this.clock.now())) {
      return this.store({ ...pending, status: 'expired' }, null, pending);
    }
    const risk = await this.check(pending);
    if (!risk) {
      return pending;
    }
    const settled = { ...pending, risk, status: risk.approved ? 'sent' : 'rejected' } as const;
    const request =
      settled.status === 'sent' && pending.amount !== null
        ? toOrderRequest(
            strategyId,
            pending.clientOrderId,
            pending.signal,
            pending.amount,
            settings,
          )
        : null;
    return this.store(settled, request, pending);
  }

  private async store(
    settled: SignalRecord,
    request: OrderRequestV1 | null,
    pending: SignalRecord,
  ): Promise<SignalRecord> {
    try {
      if (!(await this.signals.settle(settled, request))) {
        return pending;
      }
    } catch (error) {
      // Still pending in storage: the next retry settles it (risk answers the same again).
      this.logger.warn(
        `signal ${pending.clientOrderId} not settled, stays pending: ${String(error)}`,
      );
      return pending;
    }
    const { clientOrderId, signal, amount, status, risk } = settled;
    this.logger.log(
      `signal ${clientOrderId}: ${signal.intent} ${signal.side} ${amount} ${signal.symbol} at ${signal.price} (${signal.reason}): ${status}${risk ? ` (risk: ${risk.reason})` : ''}`,
    );
    return settled;
  }

  private async check({
    clientOrderId,
    signal,
    amount,
  }: SignalRecord): Promise<RiskVerdict | null> {
    const { book, strategyId } = this.runtime;
    try {
      const verdict = await this.risk.check({
        strategyId,
        clientOrderId,
        symbol: signal.symbol,
        side: signal.side,
        intent: signal.intent,
        amount: amount ?? '0',
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
      if (this.failure !== null) {
        this.logger.log('risk answers again: pending signals are being settled');
        this.failure = null;
      }
      return verdict;
    } catch (error) {
      const failure = error instanceof Error ? error.name : 'unknown';
      if (failure !== this.failure) {
        this.logger.warn(
          `risk did not answer, signals stay pending until it does: ${String(error)}`,
        );
        this.failure = failure;
      }
      return null;
    }
  }
}
