import { Decimal } from '@nexwave/core';

import { opposite, type Owner, type RestingOrder, type Side } from './order';

interface PriceLevel {
  price: Decimal;
  orders: RestingOrder[];
}

export interface BookFill {
  maker: RestingOrder;
  price: Decimal;
  amount: Decimal;
}

export interface MatchResult {
  fills: BookFill[];
  remaining: Decimal;
  /** Resting orders of the taker's own owner that were removed instead of traded against. */
  selfTradeCancelled: RestingOrder[];
}

export interface AggregatedLevel {
  price: Decimal;
  amount: Decimal;
  count: number;
}

/** A price-time priority limit order book for one market. */
export class OrderBook {
  private readonly bids: PriceLevel[] = [];
  private readonly asks: PriceLevel[] = [];
  private readonly byId = new Map<number, RestingOrder>();

  add(order: RestingOrder): void {
    const levels = this.side(order.side);
    const index = this.insertionIndex(order);
    const existing = levels[index];
    if (existing?.price.eq(order.price)) {
      existing.orders.push(order);
    } else {
      levels.splice(index, 0, { price: order.price, orders: [order] });
    }
    this.byId.set(order.id, order);
  }

  remove(id: number): RestingOrder | undefined {
    const order = this.byId.get(id);
    if (!order) {
      return undefined;
    }
    this.byId.delete(id);
    const levels = this.side(order.side);
    const index = this.insertionIndex(order);
    const level = levels[index];
    if (level?.price.eq(order.price)) {
      level.orders = level.orders.filter((o) => o.id !== id);
      if (level.orders.length === 0) {
        levels.splice(index, 1);
      }
    }
    return order;
  }

  get(id: number): RestingOrder | undefined {
    return this.byId.get(id);
  }

  ordersOf(owner: Owner): RestingOrder[] {
    return [...this.byId.values()].filter((order) => order.owner === owner);
  }

  best(side: Side): Decimal | undefined {
    return this.side(side)[0]?.price;
  }

  hasPrice(side: Side, price: Decimal): boolean {
    const levels = this.side(side);
    return levels[this.insertionIndex({ side, price })]?.price.eq(price) ?? false;
  }

  /** Would an order at `price` on `side` trade immediately? */
  crosses(side: Side, price: Decimal): boolean {
    const best = this.best(opposite(side));
    return best !== undefined && (side === 'bid' ? price.gte(best) : price.lte(best));
  }

  /**
   * Takes liquidity for a taker on `side`, best price first and oldest first within a price, down
   * to `limit` (undefined = no limit). Fills at the maker's price.
   */
  match(side: Side, amount: Decimal, limit: Decimal | undefined, taker: Owner): MatchResult {
    const levels = this.side(opposite(side));
    const fills: BookFill[] = [];
    const selfTradeCancelled: RestingOrder[] = [];
    let remaining = amount;
    while (remaining.gt(0) && levels.length > 0) {
      const level = levels[0];
      if (limit && (side === 'bid' ? level.price.gt(limit) : level.price.lt(limit))) {
        break;
      }
      const maker = level.orders[0];
      if (maker.owner === taker) {
        this.remove(maker.id);
        selfTradeCancelled.push(maker);
        continue;
      }
      const traded = Decimal.min(remaining, maker.remaining);
      maker.remaining = maker.remaining.minus(traded);
      remaining = remaining.minus(traded);
      fills.push({ maker, price: level.price, amount: traded });
      if (maker.remaining.isZero()) {
        this.remove(maker.id);
      }
    }
    return { fills, remaining, selfTradeCancelled };
  }

  /**
   * Levels aggregated into buckets of `bucket` (a multiple of the tick), best first; each bucket
   * shows its best price, as Pacifica's `agg_level` does.
   */
  levels(side: Side, bucket: Decimal, depth: number): AggregatedLevel[] {
    const result: AggregatedLevel[] = [];
    let lastKey: Decimal | undefined;
    for (const level of this.side(side)) {
      const ratio = level.price.div(bucket);
      const key = side === 'bid' ? ratio.floor() : ratio.ceil();
      const amount = level.orders.reduce((sum, o) => sum.plus(o.remaining), new Decimal(0));
      const last = result[result.length - 1];
      if (last && lastKey?.eq(key)) {
        last.amount = last.amount.plus(amount);
        last.count += level.orders.length;
      } else if (result.length < depth) {
        result.push({ price: level.price, amount, count: level.orders.length });
        lastKey = key;
      } else {
        break;
      }
    }
    return result;
  }

  private side(side: Side): PriceLevel[] {
    return side === 'bid' ? this.bids : this.asks;
  }

  /** Binary search: index of the level at `price`, or where a level at `price` would go. */
  private insertionIndex({ side, price }: { side: Side; price: Decimal }): number {
    const levels = this.side(side);
    let low = 0;
    let high = levels.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const levelPrice = levels[mid].price;
      if (side === 'bid' ? levelPrice.gt(price) : levelPrice.lt(price)) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
