import { candle, T0 } from '@nexwave/backtest/testing';
import type {
  Candle,
  Signal,
  Strategy,
  StrategyContext,
  Timeframe,
  WhaleEvent,
} from '@nexwave/strategy';

import { backtest, runBacktest } from './backtest';
import type { BacktestInput, RecordedBook } from './backtest-input';
import { BacktestError } from './backtest.errors';

const HOUR = 3_600_000;
const at = (hours: number) => new Date(T0 + hours * HOUR);

interface Seen {
  readonly bucketStart: Date;
  readonly close: string;
  readonly positions: string[];
}

/** Records every candle it is given with the positions it sees; buys 1 BTC on candle `buyAt`. */
class RecordingStrategy implements Strategy {
  readonly id = 'recorder';
  readonly name = 'recorder';
  readonly timeframe: Timeframe = '1h';
  readonly warmUpCandles = 0;
  readonly seen: Seen[] = [];

  constructor(private readonly buyAt: number) {}

  onCandle(c: Candle, context: StrategyContext): Signal[] {
    this.seen.push({
      bucketStart: c.bucketStart,
      close: c.close,
      positions: context.positions.map((p) => `${p.symbol} ${p.size}`),
    });
    if (c.bucketStart.getTime() !== T0 + this.buyAt * HOUR) {
      return [];
    }
    return [
      {
        symbol: c.symbol,
        side: 'bid',
        intent: 'entry',
        size: '1',
        price: c.close,
        stopLoss: null,
        takeProfit: null,
        reason: 'test',
        indicators: {},
        bucketStart: c.bucketStart,
      },
    ];
  }

  onWhale(_event: WhaleEvent): void {}
  warmUp(): void {}
  lastSeen(): Date | undefined {
    return undefined;
  }
}

function input(strategy: Strategy, candles: Candle[], extra: Partial<BacktestInput> = {}) {
  return {
    strategy,
    timeframe: '1h',
    symbols: ['BTC'],
    markets: { BTC: { lotSize: '0.001', tickSize: '0.01' } },
    candles,
    slippageBps: 10,
    ...extra,
  } satisfies BacktestInput;
}

describe('no look-ahead', () => {
  it('gives each candle once, in order, closed; an order decided on one fills at the next open, never at its own close', () => {
    const strategy = new RecordingStrategy(1);
    const candles = [
      candle(0, 100),
      candle(1, [100, 150, 50, 120]),
      candle(2, [200, 210, 190, 205]),
    ];
    const { orders } = runBacktest(input(strategy, candles));
    expect(strategy.seen).toEqual([
      { bucketStart: at(0), close: '100', positions: [] },
      { bucketStart: at(1), close: '120', positions: [] },
      { bucketStart: at(2), close: '205', positions: ['BTC 1'] },
    ]);
    // candle 2's open 200 + 10 bps, at candle 2's start: nothing of candle 1
    expect(orders[0].decidedAt).toEqual(at(2));
    expect(orders[0].fills.map((f) => [f.price, f.at])).toEqual([['200.2', at(2)]]);
  });

  it('fills after a gap at the next candle there is, at its open', () => {
    const strategy = new RecordingStrategy(1);
    const { orders } = runBacktest(
      input(strategy, [candle(0, 100), candle(1, 120), candle(5, [300, 300, 300, 300])]),
    );
    expect(orders[0].fills.map((f) => [f.price, f.at])).toEqual([['300.3', at(5)]]);
  });

  it('stays pending when the data ends before a later candle', () => {
    const { orders, trades } = runBacktest(
      input(new RecordingStrategy(1), [candle(0, 100), candle(1, 120)]),
    );
    expect(orders.map((o) => [o.status, o.fills])).toEqual([['pending', []]]);
    expect(trades).toEqual([]);
  });

  it('walks the first recorded book after the decision, never one from before it', () => {
    const book = (time: Date, asks: [string, string][]): RecordedBook => ({
      time,
      bids: [{ price: '1', amount: '100' }],
      asks: asks.map(([price, amount]) => ({ price, amount })),
    });
    const books = [
      book(new Date(at(2).getTime() - 1), [['1', '100']]),
      book(new Date(at(2).getTime() + 60_000), [
        ['101', '0.4'],
        ['101.4', '5'],
      ]),
      book(new Date(at(2).getTime() + 120_000), [['2', '100']]),
    ];
    const { orders } = runBacktest(
      input(new RecordingStrategy(1), [candle(0, 100), candle(1, 100), candle(2, 100)], {
        books: { BTC: books },
      }),
    );
    const filledAt = new Date(at(2).getTime() + 60_000);
    expect(orders[0]).toMatchObject({
      status: 'filled',
      filledAmount: '1',
      averageFillPrice: '101.24',
      // (0.4 × 101 + 0.6 × 101.4) × 0.04 %
      feeUsd: '0.040496',
    });
    expect(orders[0].fills.map((f) => [f.price, f.amount, f.at])).toEqual([
      ['101', '0.4', filledAt],
      ['101.4', '0.6', filledAt],
    ]);
  });
  it('walks the first book recorded the live close grace (bookDelayMs) after the close', () => {
    const book = (afterCloseMs: number, ask: string): RecordedBook => ({
      time: new Date(at(2).getTime() + afterCloseMs),
      bids: [{ price: '1', amount: '100' }],
      asks: [{ price: ask, amount: '100' }],
    });
    const books = { BTC: [book(9_999, '99'), book(10_000, '102'), book(20_000, '103')] };
    const candles = [candle(0, 100), candle(1, 100), candle(2, 100), candle(3, 100)];
    const priceWith = (bookDelayMs?: number) =>
      runBacktest(input(new RecordingStrategy(1), candles, { books, bookDelayMs })).orders[0]
        .averageFillPrice;
    expect(priceWith()).toBe('102');
    expect(priceWith(0)).toBe('99');
    expect(priceWith(15_000)).toBe('103');
  });
});

describe('backtest input checks and progress', () => {
  it('yields its progress every progressEvery candles, then the result', () => {
    const candles = Array.from({ length: 7 }, (_, i) => candle(i, 100));
    const run = backtest(input(new RecordingStrategy(-1), candles, { progressEvery: 3 }));
    const progress = [];
    let step = run.next();
    while (!step.done) {
      progress.push(step.value);
      step = run.next();
    }
    expect(progress).toEqual([
      { candles: 3, time: at(3) },
      { candles: 6, time: at(6) },
    ]);
    expect(step.value.summary.candles).toBe(7);
  });

  it.each([
    ['CANDLES_OUT_OF_ORDER', { candles: [candle(1, 100), candle(0, 100)] }],
    ['UNKNOWN_SYMBOL', { candles: [candle(0, 100, 'ETH')] }],
    ['UNKNOWN_MARKET', { markets: {} }],
    ['TIMEFRAME_MISMATCH', { strategy: 'mean_reversion', parameters: { timeframe: '1m' } }],
    ['TIMEFRAME_MISMATCH', { candles: [candle(0, 100, 'BTC', '1m')] }],
  ] as const)('refuses %s (%#)', (code, extra) => {
    expect(() => runBacktest(input(new RecordingStrategy(-1), [candle(0, 100)], extra))).toThrow(
      expect.objectContaining({ code }) as BacktestError,
    );
  });
});
