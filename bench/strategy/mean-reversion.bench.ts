// Candles/s through the strategy domain on a volatile random walk of 1h candles, for 1 and 100
// symbols: the indicators alone (RollingMean + RollingStdDev per candle), then indicators +
// mean_reversion (from the registry) + the RiskManager on each signal, approved signals filled at
// once at their price by a paper book. Run by `npm run bench strategy`.
import { Decimal } from '@nexwave/core';
import { RiskManager, type RiskDecision, type RiskPortfolio } from '@nexwave/risk';
import {
  candleEnd,
  createStrategy,
  RollingMean,
  RollingStdDev,
  type Candle,
  type Signal,
  type StrategyPosition,
} from '@nexwave/strategy';

import { randomWalkCandles } from './random-walk-candles';

const SEED = 20261130;
const PASSES = 5;
const LOOKBACK = 20;
const SCENARIOS = [
  { symbols: 1, hours: 100_000 },
  { symbols: 100, hours: 1_000 },
];

interface PassResult {
  elapsedNs: number;
  cpuMicros: number;
  signals: number;
  approved: number;
  rejected: Record<string, number>;
}

function indicatorsPass(candles: readonly Candle[]): PassResult {
  const windows = new Map<string, { mean: RollingMean; stats: RollingStdDev }>();
  let sink = 0;
  return timed(() => {
    for (const candle of candles) {
      let window = windows.get(candle.symbol);
      if (window === undefined) {
        window = { mean: new RollingMean(LOOKBACK), stats: new RollingStdDev(LOOKBACK) };
        windows.set(candle.symbol, window);
      }
      const close = Number(candle.close);
      sink += (window.mean.update(close) ?? 0) + (window.stats.update(close)?.stdDev ?? 0);
    }
    if (Number.isNaN(sink)) {
      throw new Error('indicators produced NaN');
    }
    return { signals: 0, approved: 0, rejected: {} };
  });
}

/** Mean reversion + risk + a paper book that fills approved signals at their price at once. */
function strategyPass(candles: readonly Candle[]): PassResult {
  const strategy = createStrategy('mean_reversion', 'bench', { lookback: LOOKBACK });
  const risk = RiskManager.create();
  const positions = new Map<string, StrategyPosition>();
  const marks = new Map<string, number>();
  let positionList: StrategyPosition[] = [];
  let cash = 100_000;
  let equity = cash;
  let orderId = 0;
  let signals = 0;
  let approved = 0;
  const rejected: Record<string, number> = {};

  const riskPortfolio = (): RiskPortfolio => ({
    equityUsd: new Decimal(equity.toFixed(2)),
    positions: positionList.map((position) => ({
      symbol: position.symbol,
      size: new Decimal(position.size),
      markPrice: new Decimal(marks.get(position.symbol) ?? position.entryPrice),
    })),
  });
  const decide = (signal: Signal, now: Date): RiskDecision =>
    risk.check(
      {
        strategyId: strategy.id,
        clientOrderId: `bench-${++orderId}`,
        symbol: signal.symbol,
        side: signal.side,
        intent: signal.intent,
        amount: new Decimal(signal.size).toSignificantDigits(8, Decimal.ROUND_DOWN),
        price: new Decimal(signal.price),
        reduceOnly: signal.intent === 'exit',
      },
      riskPortfolio(),
      now,
    );
  const fill = (signal: Signal, decision: RiskDecision): void => {
    const amount = Number(decision.amount);
    const price = Number(signal.price);
    const mark = marks.get(signal.symbol) ?? price;
    if (signal.intent === 'entry') {
      positions.set(signal.symbol, {
        symbol: signal.symbol,
        size: decision.amount,
        entryPrice: signal.price,
      });
      cash -= amount * price;
      equity += amount * (mark - price);
    } else {
      positions.delete(signal.symbol);
      cash += amount * price;
      equity += amount * (price - mark);
    }
    positionList = [...positions.values()];
  };

  return timed(() => {
    for (const candle of candles) {
      const close = Number(candle.close);
      const held = positions.get(candle.symbol);
      if (held !== undefined) {
        equity += Number(held.size) * (close - (marks.get(candle.symbol) ?? close));
      }
      marks.set(candle.symbol, close);
      const context = {
        positions: positionList,
        portfolio: { equityUsd: equity.toFixed(2), cashUsd: cash.toFixed(2) },
      };
      for (const signal of strategy.onCandle(candle, context)) {
        signals++;
        const decision = decide(signal, candleEnd(candle));
        if (decision.approved) {
          approved++;
          fill(signal, decision);
        } else {
          const rule = decision.failedRule ?? 'unknown';
          rejected[rule] = (rejected[rule] ?? 0) + 1;
        }
      }
    }
    return { signals, approved, rejected };
  });
}

function timed(run: () => Omit<PassResult, 'elapsedNs' | 'cpuMicros'>): PassResult {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const counts = run();
  const elapsedNs = Number(process.hrtime.bigint() - start);
  const cpu = process.cpuUsage(cpuStart);
  return { ...counts, elapsedNs, cpuMicros: cpu.user + cpu.system };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const rows: string[][] = [];
for (const { symbols, hours } of SCENARIOS) {
  const candles = randomWalkCandles(SEED, symbols, hours);
  for (const [name, pass] of [
    ['indicators', indicatorsPass],
    ['indicators + strategy + risk', strategyPass],
  ] as const) {
    pass(candles); // warm-up
    const results = Array.from({ length: PASSES }, () => pass(candles));
    const rate = median(results.map((r) => candles.length / (r.elapsedNs / 1e9)));
    // Wall-clock rates suffer when other processes share the cores; CPU time per candle does not.
    const cpuPerCandle = median(results.map((r) => r.cpuMicros / candles.length));
    const first = results[0];
    const rejected = Object.entries(first.rejected)
      .map(([rule, count]) => `${rule} ${count}`)
      .join(', ');
    rows.push([
      name,
      String(symbols),
      String(candles.length),
      Math.round(rate).toLocaleString('en-US'),
      cpuPerCandle.toFixed(2),
      name === 'indicators' ? '-' : `${first.signals} / ${first.approved}`,
      name === 'indicators' ? '-' : rejected || 'none',
    ]);
  }
}

const header = [
  'pipeline',
  'symbols',
  'candles',
  'candles/s (median)',
  'CPU µs/candle',
  'signals / approved',
  'rejected by',
];
const widths = header.map((title, i) =>
  Math.max(title.length, ...rows.map((row) => row[i].length)),
);
const line = (cells: string[]) =>
  cells
    .map((cell, i) => cell.padEnd(widths[i]))
    .join('  ')
    .trimEnd();
console.log(
  `1h candles, random walk 1.5 %/h, seed ${SEED}, lookback ${LOOKBACK}, ${PASSES} passes each`,
);
console.log(line(header));
rows.forEach((row) => console.log(line(row)));
