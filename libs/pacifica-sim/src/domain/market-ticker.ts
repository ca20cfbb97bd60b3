import { Decimal, roundToStep } from '@nexwave/core';

import type { MarketState } from './market-state';
import type { Markets } from './markets';
import { opposite, SYNTHETIC_OWNER, type Side } from './order';
import type { OrderEntry } from './order-entry';
import type { Sequence } from './sequence';
import type { Settlement } from './settlement';
import type { Stops } from './stops';
import { syntheticQuotes } from './synthetic-liquidity';
import type { WhaleInjector } from './whale-injector';

const FLOW_OWNER = '~flow';

/** Moves the markets on: the price walk, the synthetic book, random taker flow, and stops. */
export class MarketTicker {
  constructor(
    private readonly markets: Markets,
    private readonly orderIds: Sequence,
    private readonly settlement: Settlement,
    private readonly stops: Stops,
    private readonly entry: OrderEntry,
    private readonly syntheticLevels: number,
    private readonly whales: WhaleInjector,
  ) {}

  /** One step of every market: walk, refresh the synthetic book, random flow, stop triggers. */
  tick(now: number): void {
    for (const market of this.markets.list()) {
      this.tickMarket(market, now);
    }
  }

  moveMid(symbol: string, price: string): void {
    this.markets.get(symbol).walk.moveTo(price);
  }

  private tickMarket(market: MarketState, now: number): void {
    market.walk.step();
    for (const order of market.book.ordersOf(SYNTHETIC_OWNER)) {
      market.book.remove(order.id);
    }
    this.whales.retire(market, now);
    this.quote(market, now);
    this.randomFlow(market, now);
    this.whales.retire(market, now);
    this.stops.trigger(market, now, (stop) => this.entry.placeStopChild(stop, now));
  }

  /** Fresh maker quotes; a quote that crosses resting orders trades first and rests the rest. */
  private quote(market: MarketState, now: number): void {
    const quotes = syntheticQuotes(
      market.spec,
      market.mark,
      market.random,
      this.syntheticLevels,
      (side, price) => market.book.hasPrice(side, price),
    );
    for (const quote of quotes) {
      const remaining = this.settlement.matchSynthetic(
        market,
        SYNTHETIC_OWNER,
        quote.side,
        quote.amount,
        quote.price,
        now,
      );
      if (remaining.gt(0)) {
        market.book.add({
          id: this.orderIds.next(),
          owner: SYNTHETIC_OWNER,
          side: quote.side,
          price: quote.price,
          remaining,
        });
      }
    }
  }

  /** Half the ticks, a small taker order at the touch, so the tape moves. */
  private randomFlow(market: MarketState, now: number): void {
    if (market.random() >= 0.5) {
      return;
    }
    const side: Side = market.random() < 0.5 ? 'bid' : 'ask';
    const best = market.book.best(opposite(side));
    const notional = market.spec.levelNotionalUsd * (0.02 + 0.2 * market.random());
    const amount = new Decimal(
      roundToStep(new Decimal(notional).div(market.mark), market.spec.lotSize, 'down'),
    );
    if (best && amount.gt(0)) {
      this.settlement.matchSynthetic(market, FLOW_OWNER, side, amount, best, now);
    }
  }
}
