import { Decimal } from '@nexwave/core';
import {
  fillOnBook,
  PACIFICA_FEE_RATES,
  type BookSnapshot,
  type FeeRates,
  type MarketRules,
  type PaperExecution,
} from '@nexwave/orders';
import {
  DEFAULT_RISK_LIMITS,
  RiskManager,
  type RiskDecision,
  type RiskRuleName,
} from '@nexwave/risk';
import {
  createStrategy,
  signalClientOrderId,
  sizeToLot,
  StrategyBook,
  TIMEFRAME_MS,
  type Candle,
  type Portfolio,
  type RoundTrip,
  type Signal,
  type Strategy,
  type StrategyContext,
  type StrategyPosition,
  type WhaleEvent,
} from '@nexwave/strategy';

import type {
  BacktestInput,
  BacktestOrder,
  BacktestProgress,
  BacktestResult,
  BacktestSummary,
  RecordedBook,
} from './backtest-input';
import { BacktestError } from './backtest.errors';
import { candleBook } from './candle-fill';
import { EquityCurve } from './equity-curve';

/** The live engine's market-order slippage bound (strategy.providers.ts), percent. */
const LIVE_SLIPPAGE_PERCENT = '0.5';
/**
 * The live engine acts on a candle when market data publishes it, its close grace
 * (CANDLE_CLOSE_GRACE_MS) after the close: its order walks the book of that moment.
 */
const LIVE_DECISION_DELAY_MS = 10_000;
const DEFAULTS = {
  strategyId: 'backtest',
  startingEquityUsd: '100000',
  slippageBps: 5,
  bookDelayMs: LIVE_DECISION_DELAY_MS,
};
const DEFAULT_PROGRESS_EVERY = 10_000;

/** The newest close of a symbol: as text (exact marks, set lazily) and as a number (the curve). */
interface Close {
  text: string;
  value: number;
}

/** A held position in doubles, for the per-candle equity of the curve. */
interface HeldNumbers {
  readonly symbol: string;
  readonly size: number;
  readonly entryPrice: number;
}

/** What the strategy is given with each candle; the equity is computed only when it reads it. */
class BookContext implements StrategyContext {
  positions: readonly StrategyPosition[] = [];

  constructor(private readonly portfolioNow: () => Portfolio) {}

  get portfolio(): Portfolio {
    return this.portfolioNow();
  }
}

/**
 * Replays candles through the live decision path, in process and without I/O (see README): per
 * instant (all candles closing at one time), first the orders pending since an earlier instant
 * fill (next candle's open ± slippage, or the recorded books before this close), then each candle
 * goes to the strategy with the book's positions and equity, as EvaluateCandleHandler gives it;
 * each signal is sized to the lot, named by its client order id, checked by the RiskManager at the
 * candle's close and, approved, becomes a market order (exits reduce-only) for a later instant.
 * Fills reach the StrategyBook as order states, as ApplyOrderEventHandler applies them.
 */
class Backtest {
  private readonly strategy: Strategy;
  private readonly book: StrategyBook;
  private readonly risk: RiskManager;
  private readonly markets = new Map<string, MarketRules>();
  private readonly books = new Map<
    string,
    { readonly list: readonly RecordedBook[]; next: number }
  >();
  private readonly whales: readonly WhaleEvent[];
  private nextWhale = 0;
  private readonly fees: FeeRates;
  private readonly slippageBps: number;
  private readonly bookDelayMs: number;
  private readonly frameMs: number;
  private readonly curve = new EquityCurve();
  private readonly orders: BacktestOrder[] = [];
  private readonly pending: BacktestOrder[] = [];
  private readonly trips: RoundTrip[] = [];
  private readonly decisions: RiskDecision[] = [];
  private readonly rejectedByRule: Partial<Record<RiskRuleName, number>> = {};
  private readonly closes = new Map<string, Close>();
  private held: HeldNumbers[] = [];
  private cashNumber: number;
  /** The candles of the current instant: the first `batchLength` of one reused array. */
  private readonly batch: Candle[] = [];
  private batchLength = 0;
  private readonly progressEvery: number;
  private batchEnd = -Infinity;
  private candles = 0;
  private first: Candle | null = null;
  private readonly context: BookContext;

  constructor(private readonly input: BacktestInput) {
    this.strategy =
      typeof input.strategy === 'string'
        ? createStrategy(input.strategy, input.strategyId ?? DEFAULTS.strategyId, {
            timeframe: input.timeframe,
            ...input.parameters,
          })
        : input.strategy;
    if (this.strategy.timeframe !== input.timeframe) {
      throw new BacktestError(
        'TIMEFRAME_MISMATCH',
        `the strategy runs on ${this.strategy.timeframe} candles, the backtest on ${input.timeframe}`,
        { strategy: this.strategy.timeframe, backtest: input.timeframe },
      );
    }
    for (const symbol of input.symbols) {
      const market = input.markets[symbol];
      if (market === undefined) {
        throw new BacktestError('UNKNOWN_MARKET', `no lot and tick size for ${symbol}`, { symbol });
      }
      this.markets.set(symbol, market);
      const books = input.books?.[symbol];
      if (books !== undefined) {
        this.books.set(symbol, { list: books, next: 0 });
      }
    }
    this.book = new StrategyBook(
      new Decimal(input.startingEquityUsd ?? DEFAULTS.startingEquityUsd),
    );
    this.cashNumber = this.book.cashUsd().toNumber();
    this.risk = RiskManager.create(input.riskLimits ?? DEFAULT_RISK_LIMITS);
    this.whales = input.whales ?? [];
    this.fees = input.fees ?? PACIFICA_FEE_RATES;
    this.slippageBps = input.slippageBps ?? DEFAULTS.slippageBps;
    this.bookDelayMs = input.bookDelayMs ?? DEFAULTS.bookDelayMs;
    this.frameMs = TIMEFRAME_MS[input.timeframe];
    this.progressEvery = input.progressEvery ?? DEFAULT_PROGRESS_EVERY;
    this.context = new BookContext(() => {
      this.markBook();
      return { equityUsd: this.book.equityUsd().toFixed(), cashUsd: this.book.cashUsd().toFixed() };
    });
  }

  *run(): Generator<BacktestProgress, BacktestResult> {
    const { candles } = this.input;
    // An array is walked by index: a for-of in a generator allocates an iterator result a candle.
    if (Array.isArray(candles)) {
      for (let i = 0; i < candles.length; i++) {
        if (this.take(candles[i] as Candle)) {
          yield this.progress();
        }
      }
    } else {
      for (const candle of candles) {
        if (this.take(candle)) {
          yield this.progress();
        }
      }
    }
    this.flush();
    return this.result();
  }

  /**
   * Adds a candle to its instant, flushing the one before (outside the generator, where it
   * optimises); true when a progress report is due.
   */
  private take(candle: Candle): boolean {
    if (!this.markets.has(candle.symbol)) {
      throw new BacktestError('UNKNOWN_SYMBOL', `${candle.symbol} is not a symbol of the run`, {
        symbol: candle.symbol,
      });
    }
    if (candle.timeframe !== this.strategy.timeframe) {
      throw new BacktestError(
        'TIMEFRAME_MISMATCH',
        `a ${candle.timeframe} candle in a backtest on ${this.strategy.timeframe}`,
        { candle: candle.timeframe, backtest: this.strategy.timeframe },
      );
    }
    const end = candle.bucketStart.getTime() + this.frameMs;
    if (end !== this.batchEnd) {
      if (end < this.batchEnd) {
        throw new BacktestError(
          'CANDLES_OUT_OF_ORDER',
          `${candle.symbol} ${candle.bucketStart.toISOString()} comes after a later candle`,
          { symbol: candle.symbol, bucketStart: candle.bucketStart.toISOString() },
        );
      }
      this.flush();
      this.batchEnd = end;
    }
    this.batch[this.batchLength++] = candle;
    this.first ??= candle;
    return ++this.candles % this.progressEvery === 0;
  }

  private progress(): BacktestProgress {
    return { candles: this.candles, time: new Date(this.batchEnd) };
  }

  /** One instant: fills first (they happened before these closes), then the strategy. */
  private flush(): void {
    const { batch, batchLength: count } = this;
    if (count === 0) {
      return;
    }
    const at = this.batchEnd;
    this.fillPending(batch, count, at);
    while (
      this.nextWhale < this.whales.length &&
      this.whales[this.nextWhale].detectedAt.getTime() <= at
    ) {
      this.strategy.onWhale(this.whales[this.nextWhale++]);
    }
    for (let i = 0; i < count; i++) {
      const candle = batch[i];
      this.setClose(candle);
      const signals = this.strategy.onCandle(candle, this.context);
      for (const signal of signals) {
        this.decide(signal, at);
      }
    }
    this.batchLength = 0;
    this.curve.record(at, this.equityNumber(), this.held.length > 0);
  }

  private setClose(candle: Candle): void {
    const close = this.closes.get(candle.symbol);
    if (close === undefined) {
      this.closes.set(candle.symbol, { text: candle.close, value: Number(candle.close) });
    } else {
      close.text = candle.close;
      close.value = Number(candle.close);
    }
  }

  /** As EvaluateCandleHandler.act and SignalRiskGate: lot, client order id, risk, order. */
  private decide(signal: Signal, at: number): void {
    const market = this.markets.get(signal.symbol) as MarketRules;
    const amount = sizeToLot(signal.size, market.lotSize);
    const order: BacktestOrder = {
      clientOrderId: signalClientOrderId(
        this.strategy.id,
        signal.symbol,
        signal.intent,
        signal.bucketStart,
      ),
      symbol: signal.symbol,
      side: signal.side,
      intent: signal.intent,
      reason: signal.reason,
      signalPrice: signal.price,
      amount,
      reduceOnly: signal.intent === 'exit',
      decidedAt: new Date(at),
      status: 'below_lot',
      fills: [],
      filledAmount: '0',
      averageFillPrice: null,
      feeUsd: '0',
      note: null,
    };
    this.orders.push(order);
    if (amount === null) {
      return;
    }
    this.markBook();
    const decision = this.risk.check(
      {
        strategyId: this.strategy.id,
        clientOrderId: order.clientOrderId,
        symbol: signal.symbol,
        side: signal.side,
        intent: signal.intent,
        amount: new Decimal(amount),
        price: new Decimal(signal.price),
        reduceOnly: order.reduceOnly,
      },
      {
        equityUsd: this.book.equityUsd(),
        positions: this.book.positions().map((position) => ({
          symbol: position.symbol,
          size: new Decimal(position.size),
          markPrice: this.book.markPrice(position.symbol),
        })),
      },
      order.decidedAt,
    );
    this.decisions.push(decision);
    if (decision.failedRule !== null) {
      this.rejectedByRule[decision.failedRule] =
        (this.rejectedByRule[decision.failedRule] ?? 0) + 1;
      order.status = 'rejected_by_risk';
      order.note = decision.reason;
      return;
    }
    order.status = 'pending';
    this.pending.push(order);
  }

  /** Fills the orders decided before `at`: on the books recorded before it, else at the batch's opens. */
  private fillPending(batch: readonly Candle[], count: number, at: number): void {
    if (this.books.size > 0) {
      this.fillOnBooks(at);
    }
    if (this.pending.length === 0) {
      return;
    }
    for (let i = 0; i < count; i++) {
      const candle = batch[i];
      if (!this.books.has(candle.symbol)) {
        const open = candle.bucketStart.getTime();
        const { tickSize } = this.markets.get(candle.symbol) as MarketRules;
        this.fillOn(
          candle.symbol,
          open,
          (order) =>
            candleBook(order.side, candle.open, this.slippageBps, tickSize, order.amount as string),
          0,
        );
      }
    }
  }

  private fillOnBooks(at: number): void {
    for (const [symbol, books] of this.books) {
      while (books.next < books.list.length && books.list[books.next].time.getTime() < at) {
        const recorded = books.list[books.next++];
        this.fillOn(symbol, recorded.time.getTime(), () => recorded, this.bookDelayMs);
      }
    }
  }

  /** Fills the pending orders of `symbol` decided by `time − delayMs` on the book `bookFor` gives each. */
  private fillOn(
    symbol: string,
    time: number,
    bookFor: (order: BacktestOrder) => BookSnapshot,
    delayMs: number,
  ): void {
    for (const order of [...this.pending]) {
      if (order.symbol !== symbol || order.decidedAt.getTime() + delayMs > time) {
        continue;
      }
      this.pending.splice(this.pending.indexOf(order), 1);
      const market = this.markets.get(symbol) as MarketRules;
      const position = this.book.positions().find((held) => held.symbol === symbol);
      const execution = fillOnBook(
        {
          side: order.side,
          orderType: 'market',
          amount: order.amount as string,
          price: null,
          tif: null,
          slippagePercent: LIVE_SLIPPAGE_PERCENT,
          reduceOnly: order.reduceOnly,
        },
        bookFor(order),
        { market, positionSize: position?.size ?? '0', fees: this.fees },
      );
      this.settle(order, execution, new Date(time));
    }
  }

  private settle(order: BacktestOrder, execution: PaperExecution, at: Date): void {
    if (execution.kind === 'rejected') {
      order.status = 'rejected';
      order.note = execution.reason;
      return;
    }
    const filled = new Decimal(execution.filledAmount);
    order.note = execution.cancelReason;
    if (filled.isZero()) {
      order.status = 'canceled';
      return;
    }
    order.status = new Decimal(execution.canceledAmount).isZero() ? 'filled' : 'partially_filled';
    order.fills.push(...execution.fills.map((fill) => ({ ...fill, at })));
    const notional = Decimal.sum(
      0,
      ...execution.fills.map((fill) => new Decimal(fill.price).mul(fill.amount)),
    );
    order.filledAmount = filled.toFixed();
    order.averageFillPrice = notional.div(filled).toFixed();
    order.feeUsd = Decimal.sum(0, ...execution.fills.map((fill) => fill.feeUsd)).toFixed();
    const applied = this.book.applyOrder({
      clientOrderId: order.clientOrderId,
      sequence: 1,
      symbol: order.symbol,
      side: order.side,
      filledAmount: order.filledAmount,
      averageFillPrice: order.averageFillPrice,
      feeUsd: order.feeUsd,
      at,
    });
    if (applied?.closedTrip) {
      this.trips.push(applied.closedTrip);
    }
    this.afterFill(at.getTime());
  }

  /** The book moved: refresh what the strategy and the curve read, and mark the fill's instant. */
  private afterFill(time: number): void {
    const positions = this.book.positions();
    this.context.positions = positions;
    this.held = positions.map((position) => ({
      symbol: position.symbol,
      size: Number(position.size),
      entryPrice: Number(position.entryPrice),
    }));
    this.cashNumber = this.book.cashUsd().toNumber();
    this.curve.record(time, this.equityNumber(), this.held.length > 0);
  }

  /** Marks the book at the newest closes, as the live engine marks it on each candle. */
  private markBook(): void {
    this.closes.forEach((close, symbol) => this.book.mark(symbol, close.text));
  }

  private equityNumber(): number {
    let equity = this.cashNumber;
    for (const held of this.held) {
      const mark = this.closes.get(held.symbol)?.value ?? held.entryPrice;
      equity += (mark - held.entryPrice) * held.size;
    }
    return equity;
  }

  private result(): BacktestResult {
    this.markBook();
    const figures = this.curve.figures();
    const start = this.book.startingEquityUsd;
    const end = this.book.equityUsd();
    const pnls = this.trips.map((trip) => new Decimal(trip.pnlUsd));
    const profit = Decimal.sum(0, ...pnls.filter((pnl) => pnl.gt(0)));
    const loss = Decimal.sum(0, ...pnls.filter((pnl) => pnl.lt(0))).abs();
    const last = this.curve.points[this.curve.points.length - 1];
    const summary: BacktestSummary = {
      trades: this.trips.length,
      pnl: end.minus(start).toFixed(),
      returnPct: end.minus(start).div(start).mul(100).toNumber(),
      sharpe: figures.sharpe,
      sortino: figures.sortino,
      maxDrawdown: figures.maxDrawdown,
      maxDrawdownPct: figures.maxDrawdownPct,
      winRate: pnls.length === 0 ? null : pnls.filter((pnl) => pnl.gt(0)).length / pnls.length,
      profitFactor: loss.isZero() ? null : profit.div(loss).toNumber(),
      exposure: figures.exposure,
      fees: this.orders.reduce((sum, order) => sum.plus(order.feeUsd), new Decimal(0)).toFixed(),
      startEquity: start.toFixed(),
      endEquity: end.toFixed(),
      candles: this.candles,
      from: this.first === null ? null : this.first.bucketStart.toISOString(),
      to: last === undefined ? null : new Date(this.batchEnd).toISOString(),
    };
    return {
      summary,
      trades: this.trips,
      orders: this.orders,
      riskDecisions: this.decisions,
      risk: {
        checked: this.decisions.length,
        approved: this.decisions.filter((decision) => decision.approved).length,
        rejectedByRule: this.rejectedByRule,
      },
      equityCurve: this.curve.points,
    };
  }
}

/**
 * The backtest as a generator: it yields its progress every `progressEvery` candles (for a CLI's
 * bar or a REST run's status; iterate it in slices to stay responsive) and returns the result.
 */
export function backtest(input: BacktestInput): Generator<BacktestProgress, BacktestResult> {
  return new Backtest(input).run();
}

/** The whole backtest at once. */
export function runBacktest(input: BacktestInput): BacktestResult {
  const run = backtest(input);
  for (;;) {
    const step = run.next();
    if (step.done) {
      return step.value;
    }
  }
}
