import { Decimal } from '@nexwave/core';
import { Exchange, type WhaleRequest } from '@nexwave/pacifica-sim/testing';

import type { Level, OrderBookSnapshot } from '../../domain/order-book';

/** Pacifica's book stream shows at most 10 levels a side. */
const BOOK_DEPTH = 10;

export interface SimulatedBooksOptions {
  readonly seed: number;
  /** Simulated start time (ms). */
  readonly start: number;
  /** One walk step, quote refresh and random taker order per market each this often (the sim's default). */
  readonly tickMs?: number;
}

/**
 * The simulator's exchange model run in process on simulated time: its seeded walk, synthetic
 * quotes, random flow and whales, with book snapshots as the stream publishes them (top 10 levels
 * a side, `agg_level` 1). Same seed, same books.
 */
export class SimulatedBooks {
  readonly exchange: Exchange;
  private time: number;
  private readonly tickMs: number;

  constructor(options: SimulatedBooksOptions) {
    this.exchange = new Exchange({ seed: options.seed });
    this.time = options.start;
    this.tickMs = options.tickMs ?? 100;
    this.exchange.ticker.tick(this.time);
  }

  get now(): number {
    return this.time;
  }

  get symbols(): string[] {
    return this.exchange.markets.list().map((market) => market.spec.symbol);
  }

  /** Moves simulated time on by `ms`, one market tick per tickMs. */
  advance(ms: number): void {
    const until = this.time + ms;
    while (this.time + this.tickMs <= until) {
      this.time += this.tickMs;
      this.exchange.ticker.tick(this.time);
    }
    this.exchange.drainEvents();
  }

  placeWhale(request: WhaleRequest, origin: 'injected' | 'simulator' = 'injected') {
    return this.exchange.whales.injectWhale(request, this.time, origin);
  }

  snapshot(symbol: string): OrderBookSnapshot {
    const market = this.exchange.markets.get(symbol);
    const side = (s: 'bid' | 'ask'): Level[] =>
      market.book.levels(s, market.tick, BOOK_DEPTH).map((level) => ({
        price: level.price.toFixed(market.tick.decimalPlaces()),
        amount: level.amount.toFixed(new Decimal(market.spec.lotSize).decimalPlaces()),
        orders: level.count,
      }));
    return { symbol, time: new Date(this.time), bids: side('bid'), asks: side('ask') };
  }
}
