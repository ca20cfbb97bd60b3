import type { Random } from '@nexwave/core';

import { Level, OrderBookSnapshot } from '../order-book';

export const T0 = new Date('2026-01-15T12:00:00.000Z');

export function level(price: string | number, amount: string | number, orders = 1): Level {
  return { price: String(price), amount: String(amount), orders };
}

export function book(
  bids: readonly Level[],
  asks: readonly Level[],
  symbol = 'BTC',
  time = T0,
): OrderBookSnapshot {
  return { symbol, time, bids, asks };
}

/** `count` levels of `amount` stepping away from `best` by `step` (negative step for bids). */
export function levels(best: number, step: number, count: number, amount: number | string = 1) {
  return Array.from({ length: count }, (_, i) => level(best + i * step, amount));
}

/** A book with log-normal-ish amounts, random order counts, and now and then a big level. */
export function randomBook(random: Random, maxLevels = 10): OrderBookSnapshot {
  const mid = 10 + random() * 100_000;
  const tick = mid / 10_000;
  const side = (direction: 1 | -1) =>
    Array.from({ length: Math.floor(random() * (maxLevels + 1)) }, (_, i) => {
      const amount = Math.exp(random() * 4) * (random() < 0.1 ? 20 : 1) * (1_000 / mid);
      return level(
        (mid + direction * (i + 1) * tick).toFixed(2),
        amount.toFixed(6),
        1 + Math.floor(random() * 5),
      );
    });
  return book(side(-1), side(1));
}
