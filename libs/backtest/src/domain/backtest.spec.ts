import { candle, T0, walkCandles } from '@nexwave/backtest/testing';
import {
  dailyReturns,
  exposure,
  maxDrawdown,
  sharpeRatio,
  signalClientOrderId,
  sortinoRatio,
  type Candle,
} from '@nexwave/strategy';

import { runBacktest } from './backtest';
import type { BacktestInput } from './backtest-input';

const HOUR = 3_600_000;
const at = (hours: number) => new Date(T0 + hours * HOUR);

/** 100, 100, 100 fills the window of 3 (σ 0); 97 is below mean − σ (97.586): an entry at 97. */
const DIP: Candle[] = [
  candle(0, 100),
  candle(1, 100),
  candle(2, 100),
  candle(3, [100, 100, 97, 97]),
];

function meanReversion(
  candles: readonly Candle[],
  input: Partial<BacktestInput> = {},
): BacktestInput {
  return {
    strategy: 'mean_reversion',
    parameters: { lookback: 3, entryStdDevs: 1, exitStdDevs: 1 },
    timeframe: '1h',
    symbols: ['BTC'],
    markets: { BTC: { lotSize: '0.001', tickSize: '0.01' } },
    candles,
    slippageBps: 10,
    ...input,
  };
}

// Entry: 10 % of 100,000 at the signal close 97 = 103.0927… BTC, 103.092 on the lot; filled at
// the next open 98 + 10 bps = 98.098, 98.10 on the tick; fee 98.10 × 103.092 × 0.04 % = 4.04533008.
// Stop 98.1 × 0.97 = 95.157, target 98.1 × 1.05 = 103.005. Exits fill at the next open − 10 bps.
const ENTRY_FEE = '4.04533008';
describe('runBacktest on crafted series (hand-computed trades and figures)', () => {
  it.each([
    {
      name: 'exit on the upper band',
      after: [candle(4, 98), candle(5, [98, 101, 98, 101]), candle(6, 102)],
      reason: 'close-above-upper-band',
      signalPrice: '101',
      // open 102 − 10 bps = 101.898 → 101.89
      exitPrice: '101.89',
      exitAt: at(6),
      fees: '8.246947632',
      pnl: '382.471732368',
      winRate: 1,
      profitFactor: null,
      // in position from the fill at 04:00 to the exit fill at 06:00, of 01:00 .. 07:00
      exposure: 2 / 6,
      // the mark of 97 right after the entry fill: 100,000 − fee + (97 − 98.1) × 103.092
      maxDrawdown: 117.44653008,
    },
    {
      name: 'stop loss when the low touches it',
      after: [candle(4, [98, 98, 95, 96]), candle(5, 96)],
      reason: 'stop-loss',
      signalPrice: '95.157',
      exitPrice: '95.9',
      exitAt: at(5),
      fees: '7.9999392',
      pnl: '-234.8023392',
      winRate: 0,
      profitFactor: 0,
      exposure: 1 / 5,
      maxDrawdown: 234.8023392,
    },
    {
      name: 'take profit when the high touches it',
      after: [candle(4, [98, 104, 98, 103]), candle(5, 103)],
      reason: 'take-profit',
      signalPrice: '103.005',
      exitPrice: '102.89',
      exitAt: at(5),
      fees: '8.288184432',
      pnl: '485.522495568',
      winRate: 1,
      profitFactor: null,
      exposure: 1 / 5,
      maxDrawdown: 117.44653008,
    },
  ])('$name', (c) => {
    const candles = [...DIP, ...c.after];
    const { summary, trades, orders } = runBacktest(meanReversion(candles));

    expect(orders.map((o) => [o.intent, o.reason, o.signalPrice, o.amount, o.status])).toEqual([
      ['entry', 'close-below-lower-band', '97', '103.092', 'filled'],
      ['exit', c.reason, c.signalPrice, '103.092', 'filled'],
    ]);
    expect(orders[0].fills).toEqual([
      { price: '98.1', amount: '103.092', feeUsd: ENTRY_FEE, liquidity: 'taker', at: at(4) },
    ]);
    expect(orders[1].fills.map((f) => [f.price, f.at])).toEqual([[c.exitPrice, c.exitAt]]);
    expect(trades).toEqual([
      expect.objectContaining({
        side: 'long',
        quantity: '103.092',
        entryPrice: '98.1',
        exitPrice: c.exitPrice,
        feesUsd: c.fees,
        pnlUsd: c.pnl,
        openedAt: at(4),
        closedAt: c.exitAt,
      }),
    ]);
    expect(summary).toEqual({
      trades: 1,
      pnl: c.pnl,
      returnPct: expect.closeTo(Number(c.pnl) / 1000, 12) as number,
      sharpe: null,
      sortino: null,
      maxDrawdown: expect.closeTo(c.maxDrawdown, 6) as number,
      maxDrawdownPct: expect.closeTo(c.maxDrawdown / 1000, 8) as number,
      winRate: c.winRate,
      profitFactor: c.profitFactor,
      exposure: expect.closeTo(c.exposure, 12) as number,
      fees: c.fees,
      startEquity: '100000',
      endEquity: String(100_000 + Number(c.pnl)),
      candles: candles.length,
      from: at(0).toISOString(),
      to: at(candles.length).toISOString(),
    });
  });
});

describe('runBacktest takes the live signal path', () => {
  it('names the order by the signal client order id, rounds it to the lot, checks risk at the close', () => {
    const { orders, riskDecisions, risk } = runBacktest(
      meanReversion([...DIP, candle(4, 98)], { strategyId: 'bt-1' }),
    );
    expect(orders[0].clientOrderId).toBe(signalClientOrderId('bt-1', 'BTC', 'entry', at(3)));
    expect(orders[0].amount).toBe('103.092');
    expect(riskDecisions).toEqual([
      expect.objectContaining({
        clientOrderId: orders[0].clientOrderId,
        approved: true,
        amount: '103.092',
        priceUsd: '97',
        decidedAt: at(4),
      }),
    ]);
    expect(risk).toEqual({ checked: 1, approved: 1, rejectedByRule: {} });
  });

  it('sizes each entry at 10 % of the equity of the moment (after the previous trade)', () => {
    const second = [candle(7, 102), candle(8, [102, 102, 99, 99]), candle(9, 99)];
    const band = [candle(4, 98), candle(5, [98, 101, 98, 101]), candle(6, 102)];
    const { orders } = runBacktest(meanReversion([...DIP, ...band, ...second]));
    expect(orders.map((o) => o.intent)).toEqual(['entry', 'exit', 'entry']);
    // equity 100,382.471732368 × 10 % / 99 = 101.3964… → 101.396
    expect(orders[2].amount).toBe('101.396');
  });

  it('rejects an order over the $100K order limit, counts it by rule and never fills it', () => {
    const { orders, trades, risk, summary } = runBacktest(
      meanReversion([...DIP, candle(4, 98), candle(5, 98)], { startingEquityUsd: '2000000' }),
    );
    expect(orders.map((o) => [o.intent, o.status, o.fills])).toEqual([
      ['entry', 'rejected_by_risk', []],
    ]);
    expect(risk).toEqual({ checked: 1, approved: 0, rejectedByRule: { order_size: 1 } });
    expect(trades).toEqual([]);
    expect(summary.pnl).toBe('0');
  });

  it('lets a fresh ask-side whale block the entry, as live', () => {
    const whale = {
      symbol: 'BTC',
      side: 'ask' as const,
      kind: 'single' as const,
      notionalUsd: '500000',
      detectedAt: new Date(T0 + 3.9 * HOUR),
    };
    const { orders } = runBacktest(meanReversion([...DIP, candle(4, 98)], { whales: [whale] }));
    expect(orders).toEqual([]);
  });
});

describe('runBacktest over a random walk', () => {
  const input = meanReversion(walkCandles(7, 5 * 1_440), {
    timeframe: '1m',
    parameters: { timeframe: '1m', lookback: 20 },
    markets: { BTC: { lotSize: '0.00001', tickSize: '1' } },
  });

  it('gives the same result for the same input', () => {
    const first = runBacktest(input);
    expect(first.trades.length).toBeGreaterThan(5);
    expect(runBacktest(input)).toEqual(first);
  });

  it('gives the same result for the candles as an array (read by index) or any iterable', () => {
    const candles = input.candles as readonly Candle[];
    const streamed = runBacktest({ ...input, candles: new Set(candles) });
    expect(streamed.trades.length).toBeGreaterThan(5);
    expect(runBacktest(input)).toEqual(streamed);
  });

  it('measures drawdown, exposure, Sharpe and Sortino as the live performance code does', () => {
    const { summary, equityCurve } = runBacktest(input);
    const curve = equityCurve.map((p) => ({
      at: new Date(p.time),
      equityUsd: String(p.equityUsd),
      inPosition: p.inPosition,
    }));
    const returns = dailyReturns(curve);
    expect(returns).toHaveLength(6);
    expect(summary.sharpe).toBeCloseTo(sharpeRatio(returns) as number, 9);
    expect(summary.sortino).toBeCloseTo(sortinoRatio(returns) as number, 9);
    expect(summary.maxDrawdown).toBeCloseTo(maxDrawdown(curve).usd.toNumber(), 6);
    expect(summary.maxDrawdownPct).toBeCloseTo(maxDrawdown(curve).pct.toNumber(), 9);
    expect(summary.exposure).toBeCloseTo(exposure(curve) as number, 12);
    expect(Number(summary.endEquity)).toBeCloseTo(equityCurve[equityCurve.length - 1].equityUsd, 6);
  });
});
