import type { StoredSignal } from '../../application/ports/signal-history.port';
import type { SignalStatus } from '../../application/ports/signal.repository.port';
import type { StrategyInstanceRecord } from '../../application/ports/strategy-instance.repository.port';
import type { StrategySignalsPage } from '../../application/queries/get-strategy-signals.query';
import type {
  StrategyPerformanceView,
  StrategyTradeView,
} from '../../application/queries/performance-read-model.port';
import type { StrategyState } from '../../domain/engine/strategy-control';

/** One strategy instance as REST and GraphQL show it. */
export interface StrategyView {
  readonly id: string;
  readonly name: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly state: StrategyState;
  readonly pausedReason: string | null;
  readonly changedBy: string | null;
  readonly startedAt: string;
  readonly updatedAt: string;
}

export interface RiskDecisionView {
  readonly approved: boolean;
  /** The rule that decided; null when every rule passed. */
  readonly rule: string | null;
  readonly reason: string;
}

export interface SignalFillView {
  readonly filledAmount: string;
  readonly averageFillPrice: string | null;
  readonly feeUsd: string;
  readonly sequence: number;
}

export interface SignalView {
  readonly clientOrderId: string;
  readonly symbol: string;
  readonly side: 'bid' | 'ask';
  readonly intent: 'entry' | 'exit';
  readonly size: string;
  readonly amount: string | null;
  readonly price: string;
  readonly stopLoss: string | null;
  readonly takeProfit: string | null;
  readonly reason: string;
  readonly indicators: Readonly<Record<string, string>>;
  readonly bucketStart: string;
  readonly status: SignalStatus;
  readonly risk: RiskDecisionView | null;
  readonly fill: SignalFillView | null;
  readonly createdAt: string;
}

export interface SignalsPageView {
  readonly strategyId: string;
  readonly signals: SignalView[];
  readonly nextBefore: string | null;
}

export function strategyView(record: StrategyInstanceRecord): StrategyView {
  const { control } = record;
  return {
    id: record.id,
    name: record.name,
    parameters: record.parameters,
    state: control.state,
    pausedReason: control.pausedReason,
    changedBy: control.changedBy,
    startedAt: record.startedAt.toISOString(),
    updatedAt: control.updatedAt.toISOString(),
  };
}

export function signalView(stored: StoredSignal): SignalView {
  const { signal } = stored;
  return {
    clientOrderId: stored.clientOrderId,
    symbol: signal.symbol,
    side: signal.side,
    intent: signal.intent,
    size: signal.size,
    amount: stored.amount,
    price: signal.price,
    stopLoss: signal.stopLoss,
    takeProfit: signal.takeProfit,
    reason: signal.reason,
    indicators: signal.indicators,
    bucketStart: signal.bucketStart.toISOString(),
    status: stored.status,
    risk: stored.risk,
    fill: stored.fill,
    createdAt: stored.createdAt.toISOString(),
  };
}

export function signalsPageView(strategyId: string, page: StrategySignalsPage): SignalsPageView {
  return { strategyId, signals: page.signals.map(signalView), nextBefore: page.nextBefore };
}

/**
 * A strategy's performance as REST and GraphQL show it. Before its first record (its first candle
 * of its timeframe or fill) every figure is zero, the ratios null and asOf and equity unknown.
 */
export type PerformanceView = Omit<
  StrategyPerformanceView,
  'asOf' | 'startingEquityUsd' | 'equityUsd'
> & {
  readonly asOf: string | null;
  readonly startingEquityUsd: string | null;
  readonly equityUsd: string | null;
};

export type TradeView = Omit<StrategyTradeView, 'strategyId' | 'openedAt' | 'closedAt'> & {
  readonly openedAt: string;
  readonly closedAt: string;
};

export interface TradesView {
  readonly strategyId: string;
  readonly trades: TradeView[];
}

export function performanceView(
  strategyId: string,
  stored: StrategyPerformanceView | null,
): PerformanceView {
  if (stored === null) {
    return {
      strategyId,
      asOf: null,
      startingEquityUsd: null,
      equityUsd: null,
      realisedPnlUsd: '0',
      unrealisedPnlUsd: '0',
      totalPnlUsd: '0',
      tradeCount: 0,
      wins: 0,
      losses: 0,
      winRate: null,
      sharpe: null,
      sortino: null,
      maxDrawdownUsd: '0',
      maxDrawdownPct: '0',
      exposure: null,
    };
  }
  return { ...stored, asOf: stored.asOf.toISOString() };
}

export function tradesView(strategyId: string, trades: StrategyTradeView[]): TradesView {
  return { strategyId, trades: trades.map(tradeView) };
}

function tradeView(trade: StrategyTradeView): TradeView {
  const { strategyId: _strategyId, ...rest } = trade;
  return {
    ...rest,
    openedAt: trade.openedAt.toISOString(),
    closedAt: trade.closedAt.toISOString(),
  };
}
