import { seededRandom } from '@nexwave/core';

import { Level, OrderBookSnapshot } from '../order-book';

export interface StressBooksOptions {
  readonly seed: number;
  readonly symbols: number;
  readonly levelsPerSide: number;
  /** One round = one book per symbol, 5 s apart. */
  readonly rounds: number;
}

interface Market {
  symbol: string;
  mid: number;
  decimals: number;
  /** A resting whale that stays for a while. */
  whale: {
    side: 'bid' | 'ask';
    index: number;
    multiple: number;
    length: number;
    until: number;
  } | null;
}

/**
 * The detection bench's books: symbols priced from 0.00001 to 100,000, ordinary levels worth
 * ~$2,000 to ~$9,000, and now and then a resting whale (a single level or a ladder of 3 to 6
 * levels varying by ±10%) that stays for up to 40 rounds. Rounds in time order.
 */
export function stressBooks(options: StressBooksOptions): OrderBookSnapshot[][] {
  const random = seededRandom(options.seed);
  const markets: Market[] = Array.from({ length: options.symbols }, (_, i) => {
    const mid = 10 ** (random() * 10 - 5);
    return {
      symbol: i === 0 ? 'kBONK' : `SYM${i}`,
      mid,
      decimals: Math.max(0, 4 - Math.floor(Math.log10(mid))),
      whale: null,
    };
  });

  function nextBook(market: Market, round: number, time: Date): OrderBookSnapshot {
    market.mid *= 1 + (random() - 0.5) * 0.002;
    if (!market.whale || market.whale.until < round) {
      market.whale =
        random() < 0.3
          ? {
              side: random() < 0.5 ? 'bid' : 'ask',
              index: Math.floor(random() * 20),
              multiple: 5 + random() * 30,
              length: random() < 0.4 ? 3 + Math.floor(random() * 4) : 1,
              until: round + Math.floor(random() * 40),
            }
          : null;
    }
    const tick = market.mid * 1e-4;
    const unit = 2_000 / market.mid;
    const side = (name: 'bid' | 'ask', direction: number): Level[] =>
      Array.from({ length: options.levelsPerSide }, (_, i) => {
        const whale = market.whale;
        const inWhale = whale?.side === name && i >= whale.index && i < whale.index + whale.length;
        const amount = inWhale
          ? unit * whale.multiple * (0.9 + random() * 0.2)
          : unit * Math.exp(random() * 1.5);
        return {
          price: (market.mid + direction * (i + 1) * tick).toFixed(market.decimals),
          amount: amount.toPrecision(6),
          orders: inWhale ? 1 : 1 + Math.floor(random() * 8),
        };
      });
    return { symbol: market.symbol, time, bids: side('bid', -1), asks: side('ask', 1) };
  }

  const start = Date.UTC(2026, 0, 15, 12);
  return Array.from({ length: options.rounds }, (_, round) =>
    markets.map((market) => nextBook(market, round, new Date(start + round * 5_000))),
  );
}
