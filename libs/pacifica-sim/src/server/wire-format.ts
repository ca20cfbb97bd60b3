import { Decimal } from '@nexwave/core';

import type { AccountSummary, Exchange } from '../domain/exchange';
import type { MarketState } from '../domain/market-state';
import type { SimOrder } from '../domain/order';
import type { Position } from '../domain/position';
import type { FillRecord, OrderHistoryEntry, PublicTrade } from '../domain/records';

/** Pacifica's JSON shapes (REST long names, WS short names); decimals as strings. */

export const FUNDING_RATE = '0.0000125';
const MAX_BOOK_LEVELS = 10;

const usd = (value: Decimal) => value.toFixed(6);
const average = (value: Decimal) => value.toDecimalPlaces(8).toFixed();

export class WireFormat {
  constructor(private readonly exchange: Exchange) {}

  price(symbol: string, value: Decimal): string {
    return value.toFixed(this.exchange.markets.get(symbol).tick.decimalPlaces());
  }

  amount(symbol: string, value: Decimal): string {
    return value.toFixed(
      new Decimal(this.exchange.markets.get(symbol).spec.lotSize).decimalPlaces(),
    );
  }

  market(market: MarketState, createdAt: number) {
    const spec = market.spec;
    return {
      symbol: spec.symbol,
      tick_size: spec.tickSize,
      min_tick: spec.minTick,
      max_tick: spec.maxTick,
      lot_size: spec.lotSize,
      max_leverage: spec.maxLeverage,
      isolated_only: false,
      min_order_size: spec.minOrderSize,
      max_order_size: spec.maxOrderSize,
      funding_rate: FUNDING_RATE,
      next_funding_rate: FUNDING_RATE,
      created_at: createdAt,
    };
  }

  prices(now: number) {
    return this.exchange.markets.list().map((market) => {
      const symbol = market.spec.symbol;
      const mark = this.price(symbol, market.mark);
      const openInterest = this.exchange.accounts.openInterest(symbol);
      return {
        symbol,
        mark,
        mid: mark,
        oracle: mark,
        funding: FUNDING_RATE,
        next_funding: FUNDING_RATE,
        open_interest: this.amount(symbol, openInterest),
        volume_24h: market.volume.toFixed(2),
        yesterday_price: this.price(symbol, market.openPrice),
        timestamp: now,
      };
    });
  }

  book(market: MarketState, aggLevel: number, now: number) {
    const bucket = market.tick.mul(aggLevel);
    const symbol = market.spec.symbol;
    const side = (s: 'bid' | 'ask') =>
      market.book.levels(s, bucket, MAX_BOOK_LEVELS).map((level) => ({
        p: this.price(symbol, level.price),
        a: this.amount(symbol, level.amount),
        n: level.count,
      }));
    return { s: symbol, l: [side('bid'), side('ask')], t: now };
  }

  bbo(market: MarketState, now: number) {
    const [bid] = market.book.levels('bid', market.tick, 1);
    const [ask] = market.book.levels('ask', market.tick, 1);
    const symbol = market.spec.symbol;
    return {
      s: symbol,
      i: this.exchange.lastOrderId,
      t: now,
      b: bid ? this.price(symbol, bid.price) : null,
      B: bid ? this.amount(symbol, bid.amount) : null,
      a: ask ? this.price(symbol, ask.price) : null,
      A: ask ? this.amount(symbol, ask.amount) : null,
    };
  }

  publicTrade(trade: PublicTrade) {
    return {
      event_type: 'fulfill_taker',
      price: this.price(trade.symbol, trade.price),
      amount: this.amount(trade.symbol, trade.amount),
      side: trade.side,
      cause: 'normal',
      created_at: trade.createdAt,
    };
  }

  wsTrade(trade: PublicTrade) {
    return {
      h: trade.historyId,
      s: trade.symbol,
      p: this.price(trade.symbol, trade.price),
      a: this.amount(trade.symbol, trade.amount),
      d: trade.side,
      tc: 'normal',
      t: trade.createdAt,
      u: trade.taker,
    };
  }

  account(summary: AccountSummary) {
    const spend = usd(summary.availableToSpend);
    return {
      balance: usd(summary.balance),
      fee_level: 0,
      maker_fee: this.exchange.accounts.makerFee.toFixed(),
      taker_fee: this.exchange.accounts.takerFee.toFixed(),
      account_equity: usd(summary.equity),
      available_to_spend: spend,
      available_to_withdraw: spend,
      pending_balance: '0.000000',
      total_margin_used: usd(summary.marginUsed),
      cross_mmr: usd(summary.maintenanceMargin),
      positions_count: summary.positionsCount,
      orders_count: summary.ordersCount,
      stop_orders_count: summary.stopOrdersCount,
      updated_at: summary.updatedAt,
      use_ltp_for_stop_orders: false,
    };
  }

  wsAccountInfo(summary: AccountSummary, now: number) {
    const info = this.account(summary);
    return {
      ae: info.account_equity,
      as: info.available_to_spend,
      aw: info.available_to_withdraw,
      b: info.balance,
      f: 0,
      mu: info.total_margin_used,
      cm: info.cross_mmr,
      oc: info.orders_count,
      pb: info.pending_balance,
      pc: info.positions_count,
      sc: info.stop_orders_count,
      t: now,
    };
  }

  position(position: Position) {
    return {
      symbol: position.symbol,
      side: position.amount.isNeg() ? 'ask' : 'bid',
      amount: this.amount(position.symbol, position.amount.abs()),
      entry_price: average(position.entryPrice),
      margin: '0',
      funding: '0',
      isolated: false,
      created_at: position.createdAt,
      updated_at: position.updatedAt,
    };
  }

  wsPosition(position: Position) {
    const p = this.position(position);
    return {
      s: p.symbol,
      d: p.side,
      a: p.amount,
      p: p.entry_price,
      m: '0',
      f: '0',
      i: false,
      l: null,
      t: p.updated_at,
    };
  }

  openOrder(order: SimOrder) {
    return {
      order_id: order.id,
      client_order_id: order.clientOrderId,
      symbol: order.symbol,
      side: order.side,
      price: order.price ? this.price(order.symbol, order.price) : null,
      initial_amount: this.amount(order.symbol, order.amount),
      filled_amount: this.amount(order.symbol, order.filled),
      cancelled_amount: this.amount(order.symbol, order.cancelled),
      stop_price: order.stopPrice ? this.price(order.symbol, order.stopPrice) : null,
      order_type: order.type,
      stop_parent_order_id: order.stopParentOrderId,
      reduce_only: order.reduceOnly,
      created_at: order.createdAt,
      updated_at: order.updatedAt,
    };
  }

  historyOrder(order: SimOrder) {
    return {
      order_id: order.id,
      client_order_id: order.clientOrderId,
      symbol: order.symbol,
      side: order.side,
      initial_price: order.price ? this.price(order.symbol, order.price) : null,
      average_filled_price: this.averagePrice(order),
      amount: this.amount(order.symbol, order.amount),
      filled_amount: this.amount(order.symbol, order.filled),
      order_status: order.status,
      order_type: order.type,
      stop_price: order.stopPrice ? this.price(order.symbol, order.stopPrice) : null,
      stop_parent_order_id: order.stopParentOrderId,
      reduce_only: order.reduceOnly,
      reason: order.reason,
      created_at: order.createdAt,
      updated_at: order.updatedAt,
    };
  }

  orderEvent(entry: OrderHistoryEntry) {
    const order = entry.order;
    return {
      history_id: entry.historyId,
      order_id: order.id,
      client_order_id: order.clientOrderId,
      symbol: order.symbol,
      side: order.side,
      price: order.price ? this.price(order.symbol, order.price) : null,
      initial_amount: this.amount(order.symbol, order.amount),
      filled_amount: this.amount(order.symbol, order.filled),
      cancelled_amount: this.amount(order.symbol, order.cancelled),
      event_type: entry.event,
      order_type: order.type,
      order_status: order.status,
      stop_price: order.stopPrice ? this.price(order.symbol, order.stopPrice) : null,
      stop_parent_order_id: order.stopParentOrderId,
      reduce_only: order.reduceOnly,
      created_at: entry.createdAt,
    };
  }

  wsOrderUpdate(entry: OrderHistoryEntry) {
    const order = entry.order;
    return {
      i: order.id,
      I: order.clientOrderId,
      u: order.account,
      s: order.symbol,
      d: order.side,
      p: this.averagePrice(order),
      ip: order.price ? this.price(order.symbol, order.price) : null,
      a: this.amount(order.symbol, order.amount),
      f: this.amount(order.symbol, order.filled),
      oe: entry.event,
      os: order.status,
      ot: order.type,
      sp: order.stopPrice ? this.price(order.symbol, order.stopPrice) : null,
      si: order.stopParentOrderId,
      r: order.reduceOnly,
      ct: order.createdAt,
      ut: entry.createdAt,
      li: this.exchange.lastOrderId,
    };
  }

  fill(fill: FillRecord) {
    return {
      history_id: fill.historyId,
      order_id: fill.orderId,
      client_order_id: fill.clientOrderId,
      symbol: fill.symbol,
      amount: this.amount(fill.symbol, fill.amount),
      price: this.price(fill.symbol, fill.price),
      entry_price: average(fill.entryPrice),
      fee: usd(fill.fee),
      pnl: usd(fill.pnl),
      event_type: fill.liquidity,
      side: fill.side,
      cause: 'normal',
      created_at: fill.createdAt,
    };
  }

  wsFill(fill: FillRecord) {
    const f = this.fill(fill);
    return {
      h: f.history_id,
      i: f.order_id,
      I: f.client_order_id,
      s: f.symbol,
      ts: f.side,
      p: f.price,
      a: f.amount,
      o: f.entry_price,
      n: f.pnl,
      f: f.fee,
      te: f.event_type,
      tc: 'normal',
      u: fill.account,
      t: f.created_at,
    };
  }

  private averagePrice(order: SimOrder): string | null {
    return order.filled.isZero() ? null : average(order.filledNotional.div(order.filled));
  }
}
