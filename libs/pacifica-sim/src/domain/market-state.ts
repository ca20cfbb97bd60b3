import { Decimal, deriveSeed, seededRandom, type Random } from '@nexwave/core';

import {
  CandleSeries,
  KLINE_INTERVALS,
  mergeMinutes,
  type Candle,
  type KlineInterval,
} from './candles';
import type { WhaleRecord } from './exchange.types';
import type { MarketSpec } from './market';
import { MarketHistory } from './market-history';
import { OrderBook } from './order-book';
import { PriceWalk } from './price-walk';
import type { PublicTrade } from './records';

export interface StopTrigger {
  orderId: number;
  /** True: fires when the mark rises to the stop price; false: when it falls to it. */
  above: boolean;
}

export interface WhalePlacement {
  orderIds: number[];
  expiresAt: number;
  /** Its ground-truth record, ended when the placement leaves the book. */
  record: WhaleRecord;
}

const TAPE_SIZE = 1_000;

/** Everything the exchange keeps per symbol. */
export class MarketState {
  readonly book = new OrderBook();
  readonly candles = new CandleSeries();
  readonly walk: PriceWalk;
  readonly history: MarketHistory;
  readonly random: Random;
  readonly tick: Decimal;
  readonly stops = new Map<number, StopTrigger>();
  readonly whales: WhalePlacement[] = [];
  readonly tape: PublicTrade[] = [];
  readonly openPrice: Decimal;
  volume = new Decimal(0);
  bookPaused = false;

  constructor(
    readonly spec: MarketSpec,
    seed: number,
  ) {
    this.random = seededRandom(deriveSeed(seed, spec.symbol));
    this.walk = new PriceWalk(spec.initialPrice, spec.tickSize, spec.volatility, this.random);
    this.tick = new Decimal(spec.tickSize);
    this.history = new MarketHistory(spec, seed);
    this.openPrice = this.walk.mid;
  }

  get mark(): Decimal {
    return this.walk.mid;
  }

  recordTrade(trade: PublicTrade): void {
    this.tape.unshift(trade);
    if (this.tape.length > TAPE_SIZE) {
      this.tape.pop();
    }
    this.volume = this.volume.plus(trade.amount.mul(trade.price));
    this.candles.record(trade.createdAt, trade.price, trade.amount);
  }

  /**
   * `/kline`: minutes before `liveFrom` (the simulator's start) come from the seeded history,
   * later ones from the trades since.
   */
  klines(
    interval: KlineInterval,
    startTime: number,
    endTime: number,
    limit: number,
    liveFrom: number,
  ): Candle[] {
    const size = KLINE_INTERVALS[interval];
    const firstBucket = Math.floor(startTime / size) * size;
    const history = this.history.minutes(firstBucket, Math.min(endTime + 1, liveFrom));
    const live = this.candles.minutesFrom(liveFrom);
    return mergeMinutes(concat(history, live), interval, startTime, endTime, limit);
  }

  isWhaleOrder(id: number): boolean {
    return this.whales.some((whale) => whale.orderIds.includes(id));
  }
}

function* concat<T>(...parts: Iterable<T>[]): Iterable<T> {
  for (const part of parts) {
    yield* part;
  }
}
