import { Decimal, deriveSeed, gaussian, roundToStep, seededRandom } from '@nexwave/core';

import type { Candle } from './candles';
import type { MarketSpec } from './market';

export interface HistoryTrade {
  time: number;
  price: Decimal;
  amount: Decimal;
  side: 'bid' | 'ask';
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const MAX_TRADES_PER_MINUTE = 6;
/** The spread of one trade around the path, as a fraction of the price. */
const TRADE_JITTER = 0.0002;
// Smooth noise summed over these periods; amplitudes grow with the square root of the period, as
// a random walk's do. Bounded around the initial price, so any era of history is plausible.
const OCTAVES = [
  { period: 10 * MINUTE, weight: 1 },
  { period: HOUR, weight: Math.sqrt(6) },
  { period: 6 * HOUR, weight: 6 },
  { period: 24 * HOUR, weight: 12 },
  { period: 7 * 24 * HOUR, weight: 32 },
];

/**
 * The simulator's past: trades for any minute, drawn from (seed, symbol, minute) alone, so the same
 * request always gives the same history, and candles merged from exactly those trades. The price
 * follows a smooth, seeded path around the market's initial price whose daily moves match the
 * walk's volatility (one step per 100 ms).
 */
export class MarketHistory {
  private readonly seed: number;
  private readonly initialPrice: number;
  private readonly minuteSigma: number;

  constructor(
    private readonly spec: MarketSpec,
    seed: number,
  ) {
    this.seed = deriveSeed(seed, `history:${spec.symbol}`);
    this.initialPrice = Number(spec.initialPrice);
    // One minute of the live walk: 600 steps of 100 ms.
    this.minuteSigma = spec.volatility * Math.sqrt(600);
  }

  /** The trades of the minute opening at `minuteOpen` (a multiple of 60 000), oldest first. */
  tradesOf(minuteOpen: number): HistoryTrade[] {
    const random = seededRandom(this.hash(0, minuteOpen / MINUTE));
    const count = 1 + Math.floor(random() * MAX_TRADES_PER_MINUTE);
    const times = Array.from({ length: count }, () => minuteOpen + Math.floor(random() * MINUTE));
    times.sort((a, b) => a - b);
    return times.map((time) => {
      const path = this.pathPrice(time) * (1 + TRADE_JITTER * gaussian(random));
      const price = Decimal.max(
        this.spec.tickSize,
        roundToStep(path, this.spec.tickSize, 'nearest'),
      );
      const notional = this.spec.levelNotionalUsd * (0.02 + 0.2 * random());
      const amount = Decimal.max(
        this.spec.lotSize,
        roundToStep(new Decimal(notional).div(price), this.spec.lotSize, 'down'),
      );
      return { time, price, amount, side: random() < 0.5 ? 'bid' : 'ask' };
    });
  }

  /** The one-minute candle of those trades. */
  minute(minuteOpen: number): Candle {
    const trades = this.tradesOf(minuteOpen);
    const candle: Candle = {
      openTime: minuteOpen,
      closeTime: minuteOpen + MINUTE - 1,
      open: trades[0].price,
      high: trades[0].price,
      low: trades[0].price,
      close: trades[trades.length - 1].price,
      volume: new Decimal(0),
      trades: trades.length,
    };
    for (const trade of trades) {
      candle.high = Decimal.max(candle.high, trade.price);
      candle.low = Decimal.min(candle.low, trade.price);
      candle.volume = candle.volume.plus(trade.amount);
    }
    return candle;
  }

  /** Minute candles from the minute holding `from` up to (excluding) `until`, oldest first. */
  *minutes(from: number, until: number): Iterable<Candle> {
    for (let open = Math.floor(from / MINUTE) * MINUTE; open < until; open += MINUTE) {
      yield this.minute(open);
    }
  }

  private pathPrice(time: number): number {
    let log = 0;
    for (let octave = 0; octave < OCTAVES.length; octave++) {
      const { period, weight } = OCTAVES[octave];
      log += this.minuteSigma * weight * this.noise(octave + 1, time / period);
    }
    return this.initialPrice * Math.exp(log);
  }

  /** Value noise: a seeded normal at each integer, smoothly interpolated in between. */
  private noise(octave: number, x: number): number {
    const cell = Math.floor(x);
    const fraction = x - cell;
    const smooth = fraction * fraction * (3 - 2 * fraction);
    const a = gaussian(seededRandom(this.hash(octave, cell)));
    const b = gaussian(seededRandom(this.hash(octave, cell + 1)));
    return a + (b - a) * smooth;
  }

  private hash(stream: number, index: number): number {
    let h = Math.imul(this.seed ^ stream, 0x9e3779b1) >>> 0;
    h = Math.imul(h ^ (index >>> 0), 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ Math.floor(index / 4_294_967_296), 0xc2b2ae35) >>> 0;
    return (h ^ (h >>> 16)) >>> 0;
  }
}
