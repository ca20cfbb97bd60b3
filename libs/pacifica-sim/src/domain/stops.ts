import type { Decimal } from '@nexwave/core';

import type { Accounts } from './accounts';
import type { PositionTpslRequest, StopInfo, StopOrderRequest } from './exchange.types';
import type { MarketState } from './market-state';
import type { Markets } from './markets';
import { opposite, type OrderType, type Side, type SimOrder } from './order';
import type { OrderJournal } from './order-journal';
import { parseDecimal, validateAmount, validatePrice } from './order-validation';
import { SimError } from './sim.errors';

interface NewStop {
  type: OrderType;
  side: Side;
  info: StopInfo;
  amount: Decimal;
  reduceOnly: boolean;
  parentId: number | null;
  above: boolean;
}

/** Stop, take-profit and stop-loss orders: waiting off the book until the mark reaches them. */
export class Stops {
  constructor(
    private readonly markets: Markets,
    private readonly accounts: Accounts,
    private readonly orders: OrderJournal,
  ) {}

  createStopOrder(address: string, request: StopOrderRequest, now: number): number {
    const market = this.markets.get(request.symbol);
    this.accounts.account(address, now);
    this.orders.assertNewClientOrderId(address, request.clientOrderId);
    const stopPrice = parseDecimal('stop_price', request.stopPrice);
    validatePrice(market.spec, stopPrice);
    const amount = parseDecimal('amount', request.amount);
    validateAmount(market.spec, amount);
    return this.add(market, address, now, {
      type: request.limitPrice ? 'stop_limit' : 'stop_market',
      side: request.side,
      info: request,
      amount,
      reduceOnly: request.reduceOnly,
      parentId: null,
      // Spec section 5: a bid stop triggers when the price rises to it, an ask stop when it falls.
      above: request.side === 'bid',
    });
  }

  setPositionTpsl(address: string, request: PositionTpslRequest, now: number): void {
    const market = this.markets.get(request.symbol);
    const position = this.accounts.account(address, now).positions.get(request.symbol);
    if (!position) {
      throw new SimError('POSITION_NOT_FOUND', 'Position not found', { symbol: request.symbol });
    }
    if (!request.takeProfit && !request.stopLoss) {
      throw new SimError('INVALID_REQUEST', 'take_profit or stop_loss is required');
    }
    const kinds = [
      ['take_profit', request.takeProfit],
      ['stop_loss', request.stopLoss],
    ] as const;
    for (const [kind, info] of kinds) {
      if (!info) {
        continue;
      }
      for (const order of this.orders.openOrders(address)) {
        if (order.symbol === request.symbol && order.type.startsWith(kind)) {
          this.orders.cancel(order, 'cancel', now);
        }
      }
      this.addTpsl(market, address, kind, request.side, info, position.amount.abs(), null, now);
    }
  }

  /** The take profit and stop loss sent along with a new order, closing what it opens. */
  attachTpsl(
    order: SimOrder,
    request: { takeProfit?: StopInfo; stopLoss?: StopInfo },
    now: number,
  ): void {
    const market = this.markets.get(order.symbol);
    const closing = opposite(order.side);
    const kinds = [
      ['take_profit', request.takeProfit],
      ['stop_loss', request.stopLoss],
    ] as const;
    for (const [kind, info] of kinds) {
      if (info) {
        this.addTpsl(market, order.account, kind, closing, info, order.amount, order.id, now);
      }
    }
  }

  /**
   * Fires every stop the mark has reached, in creation order: each is marked triggered and handed
   * to `place` (which sends its child order) before the next one is looked at.
   */
  trigger(market: MarketState, now: number, place: (stop: SimOrder) => void): void {
    const mark = market.mark;
    for (const [id, trigger] of [...market.stops]) {
      const stop = this.orders.get(id)!;
      const stopPrice = stop.stopPrice!;
      if (trigger.above ? mark.lt(stopPrice) : mark.gt(stopPrice)) {
        continue;
      }
      market.stops.delete(id);
      stop.status = 'filled';
      this.orders.record(stop, 'stop_triggered', now);
      place(stop);
    }
  }

  private addTpsl(
    market: MarketState,
    address: string,
    kind: 'take_profit' | 'stop_loss',
    closingSide: Side,
    info: StopInfo,
    defaultAmount: Decimal,
    parentId: number | null,
    now: number,
  ): void {
    const stopPrice = parseDecimal('stop_price', info.stopPrice);
    validatePrice(market.spec, stopPrice);
    // Take profit on a long (closing side ask) fires on the way up; a stop loss on the way down.
    const above = (kind === 'take_profit') === (closingSide === 'ask');
    this.add(market, address, now, {
      type: `${kind}_${info.limitPrice ? 'limit' : 'market'}`,
      side: closingSide,
      info,
      amount: info.amount ? parseDecimal('amount', info.amount) : defaultAmount,
      reduceOnly: true,
      parentId,
      above,
    });
  }

  private add(market: MarketState, address: string, now: number, stop: NewStop): number {
    const limitPrice = stop.info.limitPrice
      ? parseDecimal('limit_price', stop.info.limitPrice)
      : null;
    if (limitPrice) {
      validatePrice(market.spec, limitPrice);
    }
    const order = this.orders.create(
      address,
      {
        symbol: market.spec.symbol,
        side: stop.side,
        reduceOnly: stop.reduceOnly,
        clientOrderId: stop.info.clientOrderId,
      },
      stop.type,
      limitPrice,
      stop.amount,
      now,
      stop.parentId,
    );
    order.stopPrice = parseDecimal('stop_price', stop.info.stopPrice);
    market.stops.set(order.id, { orderId: order.id, above: stop.above });
    this.orders.record(order, 'stop_created', now);
    return order.id;
  }
}
