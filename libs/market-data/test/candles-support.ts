// Test support for the candle int-specs: synthetic trades, inserting them, and candles computed
// independently of the database (plain TypeScript over the same trades).
import type { DataSource } from 'typeorm';

import { Decimal, seededRandom } from '@nexwave/core';

import type { Candle } from '../src/application/queries/candle-read-model.port';
import { TIMEFRAME_MS } from '../src/domain/closed-buckets';
import type { Timeframe } from '../src/domain/timeframe';

export interface TestTrade {
  time: Date;
  symbol: string;
  price: string;
  size: string;
}

/** Enough precision that the test never rounds before the database does. */
const Exact = Decimal.clone({ precision: 80 });

let tradeIds = 0;

export async function insertTrades(dataSource: DataSource, trades: TestTrade[]): Promise<void> {
  await dataSource.query(
    `INSERT INTO ticks (time, symbol, price, size, side, trade_id)
     SELECT t.time, t.symbol, t.price, t.size, 'buy', t.trade_id
     FROM unnest($1::timestamptz[], $2::text[], $3::numeric[], $4::numeric[], $5::text[])
       AS t(time, symbol, price, size, trade_id)`,
    [
      trades.map((trade) => trade.time.toISOString()),
      trades.map((trade) => trade.symbol),
      trades.map((trade) => trade.price),
      trades.map((trade) => trade.size),
      trades.map(() => `t${++tradeIds}`),
    ],
  );
}

/**
 * Trades every 1 to 9 minutes (whole milliseconds, never two at one instant per symbol) from
 * `start` for `durationMs`, plus one exactly on and one just before every hour boundary, with
 * prices around `basePrice` at `priceDecimals` decimals.
 */
export function syntheticTrades(options: {
  symbol: string;
  start: Date;
  durationMs: number;
  basePrice: string;
  priceDecimals: number;
  seed: number;
}): TestTrade[] {
  const random = seededRandom(options.seed);
  const base = new Decimal(options.basePrice);
  const price = (): string => base.mul(0.95 + random() * 0.1).toFixed(options.priceDecimals);
  const size = (): string => new Decimal(0.001 + random() * 50).toFixed(3);
  const times = new Set<number>();
  const end = options.start.getTime() + options.durationMs;
  for (
    let time = options.start.getTime();
    time < end;
    time += 60_000 + Math.floor(random() * 480_000)
  ) {
    times.add(time);
  }
  for (let hour = options.start.getTime(); hour < end; hour += TIMEFRAME_MS['1h']) {
    times.add(hour);
    times.add(hour - 1);
  }
  return [...times].map((time) => ({
    time: new Date(time),
    symbol: options.symbol,
    price: price(),
    size: size(),
  }));
}

/** Fisher-Yates with the seeded source: the same "out of order" every run. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

interface ExpectedCandle {
  time: string;
  open: Decimal;
  high: Decimal;
  low: Decimal;
  close: Decimal;
  volume: Decimal;
  notional: Decimal;
  tradeCount: number;
}

/** Candles of `symbol` at `timeframe` computed from the trades alone, newest first. */
export function expectedCandles(
  trades: readonly TestTrade[],
  symbol: string,
  timeframe: Timeframe,
): ExpectedCandle[] {
  const width = TIMEFRAME_MS[timeframe];
  const buckets = new Map<number, TestTrade[]>();
  for (const trade of trades.filter((t) => t.symbol === symbol)) {
    const open = Math.floor(trade.time.getTime() / width) * width;
    buckets.set(open, [...(buckets.get(open) ?? []), trade]);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => b - a)
    .map(([open, bucket]) => {
      const byTime = [...bucket].sort((a, b) => a.time.getTime() - b.time.getTime());
      const prices = bucket.map((trade) => new Exact(trade.price));
      return {
        time: new Date(open).toISOString(),
        open: new Exact(byTime[0].price),
        close: new Exact(byTime[byTime.length - 1].price),
        high: Exact.max(...prices),
        low: Exact.min(...prices),
        volume: bucket.reduce((sum, trade) => sum.add(trade.size), new Exact(0)),
        notional: bucket.reduce(
          (sum, trade) => sum.add(new Exact(trade.price).mul(trade.size)),
          new Exact(0),
        ),
        tradeCount: bucket.length,
      };
    });
}

/**
 * Throws naming the first field that differs. Prices, volume and count must be equal exactly;
 * VWAP equals notional / volume rounded half-up to the decimals the database printed.
 */
export function assertCandlesMatch(
  actual: readonly Candle[],
  expected: readonly ExpectedCandle[],
  label: string,
): void {
  if (actual.length !== expected.length) {
    throw new Error(`${label}: ${actual.length} candles, expected ${expected.length}`);
  }
  expected.forEach((want, index) => {
    const got = actual[index];
    const where = `${label} candle ${want.time}`;
    const check = (field: string, ok: boolean, detail: string) => {
      if (!ok) {
        throw new Error(`${where}: ${field} ${detail}`);
      }
    };
    check('time', got.time === want.time, `${got.time} != ${want.time}`);
    for (const field of ['open', 'high', 'low', 'close', 'volume'] as const) {
      check(field, want[field].eq(got[field]), `${got[field]} != ${want[field].toString()}`);
    }
    check(
      'tradeCount',
      got.tradeCount === want.tradeCount,
      `${got.tradeCount} != ${want.tradeCount}`,
    );
    check('vwap', got.vwap !== null, 'is null');
    const vwap = new Exact(got.vwap!);
    const wantVwap = want.notional
      .div(want.volume)
      .toDecimalPlaces(vwap.decimalPlaces(), Decimal.ROUND_HALF_UP);
    check('vwap', wantVwap.eq(vwap), `${got.vwap} != ${wantVwap.toString()}`);
  });
}
