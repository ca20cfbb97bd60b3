import type { BookSnapshot, FeeRates, MarketRules, PaperFill } from '@nexwave/orders';
import type { RiskDecision, RiskLimits, RiskRuleName } from '@nexwave/risk';
import type { Candle, RoundTrip, Strategy, Timeframe, WhaleEvent } from '@nexwave/strategy';

/** A recorded order book of one symbol at `time`. */
export interface RecordedBook extends BookSnapshot {
  readonly time: Date;
}

export interface BacktestInput {
  /**
   * A registered strategy name (`mean_reversion`, ...) built with `parameters` (defaults filled
   * in, as live), or a fresh Strategy instance (custom code, tests; parameters and id unused).
   */
  readonly strategy: string | Strategy;
  readonly parameters?: Readonly<Record<string, unknown>>;
  /** The instance id, part of every client order id; `backtest` when unset. */
  readonly strategyId?: string;
  /** The strategy's timeframe: given to it as its `timeframe` parameter unless that is set. */
  readonly timeframe: Timeframe;
  readonly symbols: readonly string[];
  /** Lot and tick size of every symbol (what the live engine reads from the exchange). */
  readonly markets: Readonly<Record<string, MarketRules>>;
  /** Closed candles of `timeframe`, in time order across symbols (`mergeCandles` merges per-symbol arrays). */
  readonly candles: Iterable<Candle>;
  /** Recorded books per symbol, in time order: that symbol's orders walk them instead of the candle model. */
  readonly books?: Readonly<Record<string, readonly RecordedBook[]>>;
  /** Whale events in time order, each given to the strategy before the first candle closing at or after it. */
  readonly whales?: readonly WhaleEvent[];
  /** The live defaults (`DEFAULT_RISK_LIMITS`, as the config's) when unset. */
  readonly riskLimits?: RiskLimits;
  /** Starting portfolio value in USD (decimal string); 100000, the config's default, when unset. */
  readonly startingEquityUsd?: string;
  /** Pacifica's base tier when unset. */
  readonly fees?: FeeRates;
  /**
   * Book model: an order walks the first recorded book this long after its candle's close, when
   * the live engine acts on it (default 10,000 ms, the candle close grace).
   */
  readonly bookDelayMs?: number;
  /** Candle model: a market order fills at the next open moved against it by this many bps (default 5). */
  readonly slippageBps?: number;
  /** The generator yields its progress every this many candles (default 10,000). */
  readonly progressEvery?: number;
}

export type BacktestOrderStatus =
  /** Rounded down to the lot, nothing was left to trade (no order, as live). */
  | 'below_lot'
  | 'rejected_by_risk'
  /** Approved, waiting for the next candle or book; still so when the data ended first. */
  | 'pending'
  | 'filled'
  /** Partly filled, the rest canceled (market order beyond its slippage bound or a thin book). */
  | 'partially_filled'
  | 'canceled'
  /** Refused by the fill model (e.g. a reduce-only exit without a position). */
  | 'rejected';

export interface BacktestFill extends PaperFill {
  readonly at: Date;
}

/** One signal the engine acted on and what became of its market order. */
export interface BacktestOrder {
  readonly clientOrderId: string;
  readonly symbol: string;
  readonly side: 'bid' | 'ask';
  readonly intent: 'entry' | 'exit';
  /** The strategy's reason (`close-below-lower-band`, `stop-loss`, ...). */
  readonly reason: string;
  /** The price the signal was decided at (what risk values the order at). */
  readonly signalPrice: string;
  /** The signal's size rounded down to the lot; null when that left nothing. */
  readonly amount: string | null;
  readonly reduceOnly: boolean;
  /** The close of the candle that decided it. */
  readonly decidedAt: Date;
  status: BacktestOrderStatus;
  readonly fills: BacktestFill[];
  filledAmount: string;
  averageFillPrice: string | null;
  feeUsd: string;
  /** Why it was refused, canceled or partly filled. */
  note: string | null;
}

/** Marked-to-market equity after the instant `time` (epoch ms), in doubles: a statistic. */
export interface BacktestEquityPoint {
  readonly time: number;
  readonly equityUsd: number;
  readonly inPosition: boolean;
}

/**
 * The figures of a run. Money in exact decimal strings (`pnl` = `endEquity` − `startEquity`,
 * open positions marked at their last close); ratios and drawdown in numbers, from the equity
 * curve. `winRate`, `exposure` are fractions; `profitFactor` = gross profit / gross loss, null
 * without a losing trade; `sharpe`/`sortino` null when not measurable (as live). `from` is the
 * first candle's start and `to` the last candle's close (ISO), null without candles.
 */
export interface BacktestSummary {
  readonly trades: number;
  readonly pnl: string;
  readonly returnPct: number;
  readonly sharpe: number | null;
  readonly sortino: number | null;
  readonly maxDrawdown: number;
  readonly maxDrawdownPct: number;
  readonly winRate: number | null;
  readonly profitFactor: number | null;
  readonly exposure: number | null;
  readonly fees: string;
  readonly startEquity: string;
  readonly endEquity: string;
  readonly candles: number;
  readonly from: string | null;
  readonly to: string | null;
}

export interface RiskTally {
  readonly checked: number;
  readonly approved: number;
  readonly rejectedByRule: Readonly<Partial<Record<RiskRuleName, number>>>;
}

export interface BacktestResult {
  readonly summary: BacktestSummary;
  /** Closed round trips, as the live StrategyBook closes them. */
  readonly trades: readonly RoundTrip[];
  readonly orders: readonly BacktestOrder[];
  readonly riskDecisions: readonly RiskDecision[];
  readonly risk: RiskTally;
  readonly equityCurve: readonly BacktestEquityPoint[];
}

export interface BacktestProgress {
  readonly candles: number;
  /** The close of the newest candle read (candles are replayed per instant, as each closes). */
  readonly time: Date;
}
