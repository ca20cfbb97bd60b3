import { Decimal } from '@nexwave/core';

import type { Accounts } from './accounts';
import type {
  CancelAllRequest,
  CancelRequest,
  LimitOrderRequest,
  MarketOrderRequest,
} from './exchange.types';
import type { Markets } from './markets';
import { opposite, remainingOf, restingOf, type SimOrder } from './order';
import type { OrderJournal } from './order-journal';
import { parseDecimal, validateAmount, validateNotional, validatePrice } from './order-validation';
import type { Settlement } from './settlement';
import { SimError } from './sim.errors';
import type { Stops } from './stops';

const STOP_SLIPPAGE_PERCENT = '5';

/** Market and limit orders (with their time in force), cancels, and triggered stops' children. */
export class OrderEntry {
  constructor(
    private readonly markets: Markets,
    private readonly accounts: Accounts,
    private readonly orders: OrderJournal,
    private readonly settlement: Settlement,
    private readonly stops: Stops,
  ) {}

  createMarketOrder(
    address: string,
    request: MarketOrderRequest,
    now: number,
    parentId: number | null = null,
  ): number {
    const market = this.markets.get(request.symbol);
    const account = this.accounts.account(address, now);
    let amount = parseDecimal('amount', request.amount);
    const slippage = parseDecimal('slippage_percent', request.slippagePercent);
    validateAmount(market.spec, amount);
    this.orders.assertNewClientOrderId(address, request.clientOrderId);
    amount = this.accounts.reduceOnlyAmount(account, request, amount);
    const factor = slippage.div(100);
    const bound = market.mark.mul(
      request.side === 'bid' ? factor.plus(1) : new Decimal(1).minus(factor),
    );
    const best = market.book.best(opposite(request.side));
    if (!best || (request.side === 'bid' ? best.gt(bound) : best.lt(bound))) {
      throw new SimError('NO_REASONABLE_PRICE', 'No reasonable price found', {
        symbol: request.symbol,
      });
    }
    validateNotional(market.spec, amount.mul(market.mark));
    this.accounts.assertMargin(
      account,
      request.symbol,
      amount.mul(market.mark),
      request.reduceOnly,
    );
    const order = this.orders.create(address, request, 'market', null, amount, now, parentId);
    this.settlement.execute(market, order, bound, now);
    if (remainingOf(order).gt(0)) {
      this.orders.cancel(order, 'cancel', now);
    }
    this.stops.attachTpsl(order, request, now);
    return order.id;
  }

  createLimitOrder(
    address: string,
    request: LimitOrderRequest,
    now: number,
    parentId: number | null = null,
  ): number {
    const market = this.markets.get(request.symbol);
    const account = this.accounts.account(address, now);
    let price = parseDecimal('price', request.price);
    let amount = parseDecimal('amount', request.amount);
    validatePrice(market.spec, price);
    validateAmount(market.spec, amount);
    validateNotional(market.spec, price.mul(amount));
    this.orders.assertNewClientOrderId(address, request.clientOrderId);
    amount = this.accounts.reduceOnlyAmount(account, request, amount);
    this.accounts.assertMargin(account, request.symbol, price.mul(amount), request.reduceOnly);
    const crosses = market.book.crosses(request.side, price);
    if (crosses && request.tif === 'ALO') {
      const rejected = this.orders.create(address, request, 'limit', price, amount, now, parentId);
      rejected.cancelled = amount;
      rejected.status = 'rejected';
      rejected.reason = 'post_only_rejected';
      this.orders.record(rejected, 'post_only_rejected', now);
      throw new SimError('POST_ONLY_REJECTED', 'Order rejected: post_only_rejected', {
        orderId: rejected.id,
      });
    }
    if (crosses && request.tif === 'TOB') {
      const best = market.book.best(opposite(request.side))!;
      price = request.side === 'bid' ? best.minus(market.tick) : best.plus(market.tick);
    }
    const order = this.orders.create(address, request, 'limit', price, amount, now, parentId);
    if (crosses && (request.tif === 'GTC' || request.tif === 'IOC')) {
      this.settlement.execute(market, order, price, now);
    }
    if (remainingOf(order).gt(0)) {
      if (request.tif === 'IOC') {
        this.orders.cancel(order, 'cancel', now);
      } else {
        market.book.add(restingOf(order));
        if (order.filled.isZero()) {
          this.orders.record(order, 'make', now);
        }
      }
    }
    this.stops.attachTpsl(order, request, now);
    return order.id;
  }

  /** Sends a triggered stop's child: a GTC limit at its limit price, or a market order. */
  placeStopChild(stop: SimOrder, now: number): void {
    const child = {
      symbol: stop.symbol,
      side: stop.side,
      amount: stop.amount.toFixed(),
      reduceOnly: stop.reduceOnly,
    };
    try {
      if (stop.price) {
        this.createLimitOrder(
          stop.account,
          { ...child, price: stop.price.toFixed(), tif: 'GTC' },
          now,
          stop.id,
        );
      } else {
        const slippagePercent = STOP_SLIPPAGE_PERCENT;
        this.createMarketOrder(stop.account, { ...child, slippagePercent }, now, stop.id);
      }
    } catch (error) {
      // A child that is no longer valid (position already closed, empty book) is simply dropped.
      if (!(error instanceof SimError)) {
        throw error;
      }
    }
  }

  cancel(address: string, request: CancelRequest, now: number, stopsOnly = false): void {
    this.markets.get(request.symbol);
    const order = this.orders
      .openOrders(address)
      .find(
        (o) =>
          o.symbol === request.symbol &&
          (request.orderId !== undefined
            ? o.id === request.orderId
            : o.clientOrderId === request.clientOrderId) &&
          (!stopsOnly || o.stopPrice !== null),
      );
    if (!order) {
      throw new SimError('ORDER_NOT_FOUND', 'Order not found', { symbol: request.symbol });
    }
    this.orders.cancel(order, 'cancel', now);
  }

  cancelAll(address: string, request: CancelAllRequest, now: number): number {
    if (!request.allSymbols && request.symbol !== undefined) {
      this.markets.get(request.symbol);
    }
    const targets = this.orders
      .openOrders(address)
      .filter(
        (order) =>
          (request.allSymbols || order.symbol === request.symbol) &&
          !(request.excludeReduceOnly && order.reduceOnly),
      );
    for (const order of targets) {
      this.orders.cancel(order, 'cancel', now);
    }
    return targets.length;
  }
}
