import type { Decimal } from '@nexwave/core';

import type { Accounts } from './accounts';
import type { EventQueue } from './event-queue';
import type { MarketState } from './market-state';
import {
  isSimOwner,
  remainingOf,
  updateStatus,
  type Owner,
  type Side,
  type SimOrder,
} from './order';
import type { BookFill } from './order-book';
import type { OrderJournal } from './order-journal';
import type { TradeSide } from './position';
import type { Sequence } from './sequence';

/** Matches takers against a book and settles every fill: accounts, makers' orders, the tape. */
export class Settlement {
  constructor(
    private readonly accounts: Accounts,
    private readonly orders: OrderJournal,
    private readonly historyIds: Sequence,
    private readonly events: EventQueue,
  ) {}

  /** An account's order taking liquidity up to `limit`. */
  execute(market: MarketState, order: SimOrder, limit: Decimal, now: number): void {
    const result = market.book.match(order.side, remainingOf(order), limit, order.account);
    for (const resting of result.selfTradeCancelled) {
      const own = this.orders.get(resting.id);
      if (own) {
        this.orders.cancel(own, 'self_trade_prevented', now, false);
      }
    }
    for (const fill of result.fills) {
      this.settle(market, order.side, order.account, order, fill, now);
    }
    if (order.filled.gt(0)) {
      updateStatus(order);
      this.orders.record(order, order.type === 'market' ? 'fulfill_market' : 'fulfill_limit', now);
    }
  }

  /** A simulator-owned taker order; returns what it could not fill. */
  matchSynthetic(
    market: MarketState,
    owner: Owner,
    side: Side,
    amount: Decimal,
    limit: Decimal,
    now: number,
  ): Decimal {
    const result = market.book.match(side, amount, limit, owner);
    for (const fill of result.fills) {
      this.settle(market, side, owner, undefined, fill, now);
    }
    return result.remaining;
  }

  private settle(
    market: MarketState,
    takerSide: Side,
    takerOwner: Owner,
    takerOrder: SimOrder | undefined,
    fill: BookFill,
    now: number,
  ): void {
    let tradeSide: TradeSide = takerSide === 'bid' ? 'open_long' : 'open_short';
    if (takerOrder) {
      tradeSide = this.accounts.applyFill(takerOrder, fill, 'fulfill_taker', now);
    }
    const maker = isSimOwner(fill.maker.owner) ? undefined : this.orders.get(fill.maker.id);
    if (maker) {
      this.accounts.applyFill(maker, fill, 'fulfill_maker', now);
      updateStatus(maker);
      this.orders.record(maker, 'fulfill_limit', now);
    }
    const trade = {
      historyId: this.historyIds.next(),
      symbol: market.spec.symbol,
      price: fill.price,
      amount: fill.amount,
      side: tradeSide,
      taker: takerOwner,
      createdAt: now,
    };
    market.recordTrade(trade);
    this.events.push({ type: 'trade', symbol: market.spec.symbol, trade });
  }
}
