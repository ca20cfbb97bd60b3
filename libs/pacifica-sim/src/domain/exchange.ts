import { Decimal, roundToStep } from '@nexwave/core';

import type {
  CancelAllRequest,
  CancelRequest,
  LimitOrderRequest,
  MarketOrderRequest,
  PositionTpslRequest,
  StopInfo,
  StopOrderRequest,
  WhalePlaced,
  WhaleRequest,
} from './exchange.types';
import { DEFAULT_MARKETS, type MarketSpec } from './market';
import { MarketState } from './market-state';
import {
  isOpen,
  isSimOwner,
  opposite,
  SYNTHETIC_OWNER,
  WHALE_OWNER,
  type CancelReason,
  type OrderEvent,
  type OrderType,
  type Owner,
  type RestingOrder,
  type Side,
  type SimOrder,
} from './order';
import type { BookFill } from './order-book';
import { parseDecimal, validateAmount, validateNotional, validatePrice } from './order-validation';
import { applyFill, unrealisedPnl, type Position, type TradeSide } from './position';
import type { FillRecord, OrderHistoryEntry, SimEvent } from './records';
import { SimError } from './sim.errors';
import { syntheticQuotes } from './synthetic-liquidity';

export interface ExchangeOptions {
  markets?: readonly MarketSpec[];
  seed?: number;
  initialBalance?: string;
  makerFee?: string;
  takerFee?: string;
  /** Synthetic levels quoted per side (the book stream shows at most 10). */
  syntheticLevels?: number;
}

export interface AccountState {
  address: string;
  balance: Decimal;
  leverage: Map<string, number>;
  positions: Map<string, Position>;
  agents: Set<string>;
  createdAt: number;
  updatedAt: number;
}

export interface AccountSummary {
  balance: Decimal;
  equity: Decimal;
  availableToSpend: Decimal;
  marginUsed: Decimal;
  maintenanceMargin: Decimal;
  positionsCount: number;
  ordersCount: number;
  stopOrdersCount: number;
  updatedAt: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  hasMore: boolean;
}

export interface FillQuery {
  symbol?: string;
  startTime?: number;
  endTime?: number;
  limit: number;
  cursor?: number;
}

const FLOW_OWNER = '~flow';
const STOP_SLIPPAGE_PERCENT = '5';
const ZERO = new Decimal(0);

/**
 * The simulated exchange: markets with synthetic liquidity around a seeded random walk, accounts
 * with net positions, and the order lifecycle. Pure: time comes in as `now`, changes go out as
 * events through `drainEvents()`.
 */
export class Exchange {
  readonly makerFee: Decimal;
  readonly takerFee: Decimal;
  private readonly markets = new Map<string, MarketState>();
  private readonly accounts = new Map<string, AccountState>();
  private readonly orders = new Map<number, SimOrder>();
  private readonly orderIdsByAccount = new Map<string, number[]>();
  private readonly history = new Map<number, OrderHistoryEntry[]>();
  private readonly fillsByAccount = new Map<string, FillRecord[]>();
  private readonly initialBalance: Decimal;
  private readonly syntheticLevels: number;
  private events: SimEvent[] = [];
  private nextOrderId = 1;
  private nextHistoryId = 1;

  constructor(options: ExchangeOptions = {}) {
    const seed = options.seed ?? 1;
    for (const spec of options.markets ?? DEFAULT_MARKETS) {
      this.markets.set(spec.symbol, new MarketState(spec, seed));
    }
    this.initialBalance = new Decimal(options.initialBalance ?? '100000');
    this.makerFee = new Decimal(options.makerFee ?? '0.00015');
    this.takerFee = new Decimal(options.takerFee ?? '0.0004');
    this.syntheticLevels = options.syntheticLevels ?? 20;
  }

  get lastOrderId(): number {
    return this.nextOrderId - 1;
  }

  listMarkets(): MarketState[] {
    return [...this.markets.values()];
  }

  market(symbol: string): MarketState {
    const market = this.markets.get(symbol);
    if (!market) {
      throw new SimError('BOOK_NOT_FOUND', `Market ${symbol} not found`, { symbol });
    }
    return market;
  }

  drainEvents(): SimEvent[] {
    const drained = this.events;
    this.events = [];
    return drained;
  }

  // ---- accounts -------------------------------------------------------------------------------

  /** Any key is an account: it is funded with the initial balance the first time it is seen. */
  account(address: string, now: number): AccountState {
    let account = this.accounts.get(address);
    if (!account) {
      account = {
        address,
        balance: this.initialBalance,
        leverage: new Map(),
        positions: new Map(),
        agents: new Set(),
        createdAt: now,
        updatedAt: now,
      };
      this.accounts.set(address, account);
    }
    return account;
  }

  bindAgent(address: string, agentWallet: string, now: number): void {
    this.account(address, now).agents.add(agentWallet);
  }

  isBoundAgent(address: string, agentWallet: string): boolean {
    return this.accounts.get(address)?.agents.has(agentWallet) ?? false;
  }

  setLeverage(address: string, symbol: string, leverage: number, now: number): void {
    const market = this.market(symbol);
    if (!Number.isInteger(leverage) || leverage < 1 || leverage > market.spec.maxLeverage) {
      throw new SimError('INVALID_LEVERAGE', 'Invalid leverage', {
        leverage,
        max: market.spec.maxLeverage,
      });
    }
    const account = this.account(address, now);
    account.leverage.set(symbol, leverage);
    account.updatedAt = now;
  }

  leverageOf(account: AccountState, symbol: string): number {
    return account.leverage.get(symbol) ?? this.market(symbol).spec.maxLeverage;
  }

  summary(address: string, now: number): AccountSummary {
    const account = this.account(address, now);
    let equity = account.balance;
    let marginUsed = ZERO;
    for (const position of account.positions.values()) {
      const mark = this.market(position.symbol).mark;
      equity = equity.plus(unrealisedPnl(position, mark));
      marginUsed = marginUsed.plus(
        position.amount.abs().mul(mark).div(this.leverageOf(account, position.symbol)),
      );
    }
    const open = this.openOrders(address);
    const orderMargin = open
      .filter((order) => order.price && !order.reduceOnly && !order.stopPrice)
      .reduce(
        (sum, order) =>
          sum.plus(
            remainingOf(order).mul(order.price!).div(this.leverageOf(account, order.symbol)),
          ),
        ZERO,
      );
    return {
      balance: account.balance,
      equity,
      availableToSpend: Decimal.max(ZERO, equity.minus(marginUsed).minus(orderMargin)),
      marginUsed,
      maintenanceMargin: marginUsed.div(2),
      positionsCount: account.positions.size,
      ordersCount: open.filter((order) => !order.stopPrice).length,
      stopOrdersCount: open.filter((order) => order.stopPrice).length,
      updatedAt: account.updatedAt,
    };
  }

  /** Sum of the accounts' open long sizes in a market (= open short sizes, counting the sim). */
  openInterest(symbol: string): Decimal {
    let total = ZERO;
    for (const account of this.accounts.values()) {
      total = total.plus(account.positions.get(symbol)?.amount.abs() ?? ZERO);
    }
    return total;
  }

  positions(address: string): Position[] {
    return [...(this.accounts.get(address)?.positions.values() ?? [])];
  }

  openOrders(address: string): SimOrder[] {
    return this.ordersOf(address).filter(isOpen);
  }

  orderHistory(address: string, limit: number, cursor?: number): Page<SimOrder> {
    const all = this.ordersOf(address).reverse();
    return paginate(all, limit, cursor, (order) => order.id);
  }

  orderEvents(orderId: number): OrderHistoryEntry[] {
    const entries = this.history.get(orderId);
    if (!entries) {
      throw new SimError('ORDER_NOT_FOUND', 'Order not found', { orderId });
    }
    return [...entries].reverse();
  }

  fills(address: string, query: FillQuery): Page<FillRecord> {
    const all = (this.fillsByAccount.get(address) ?? []).filter(
      (fill) =>
        (query.symbol === undefined || fill.symbol === query.symbol) &&
        (query.startTime === undefined || fill.createdAt >= query.startTime) &&
        (query.endTime === undefined || fill.createdAt <= query.endTime),
    );
    return paginate(all, query.limit, query.cursor, (fill) => fill.historyId);
  }

  // ---- orders ---------------------------------------------------------------------------------

  createMarketOrder(
    address: string,
    request: MarketOrderRequest,
    now: number,
    parentId: number | null = null,
  ): number {
    const market = this.market(request.symbol);
    const account = this.account(address, now);
    let amount = parseDecimal('amount', request.amount);
    const slippage = parseDecimal('slippage_percent', request.slippagePercent);
    validateAmount(market.spec, amount);
    this.assertNewClientOrderId(address, request.clientOrderId);
    amount = this.reduceOnlyAmount(
      account,
      request.symbol,
      request.side,
      amount,
      request.reduceOnly,
    );
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
    this.assertMargin(account, request.symbol, amount.mul(market.mark), request.reduceOnly);
    const order = this.newOrder(address, request, 'market', null, amount, now, parentId);
    this.execute(market, order, bound, now);
    if (remainingOf(order).gt(0)) {
      this.cancelOrder(order, 'cancel', now);
    }
    this.attachTpsl(account, order, request, now);
    return order.id;
  }

  createLimitOrder(
    address: string,
    request: LimitOrderRequest,
    now: number,
    parentId: number | null = null,
  ): number {
    const market = this.market(request.symbol);
    const account = this.account(address, now);
    let price = parseDecimal('price', request.price);
    let amount = parseDecimal('amount', request.amount);
    validatePrice(market.spec, price);
    validateAmount(market.spec, amount);
    validateNotional(market.spec, price.mul(amount));
    this.assertNewClientOrderId(address, request.clientOrderId);
    amount = this.reduceOnlyAmount(
      account,
      request.symbol,
      request.side,
      amount,
      request.reduceOnly,
    );
    this.assertMargin(account, request.symbol, price.mul(amount), request.reduceOnly);
    const crosses = market.book.crosses(request.side, price);
    if (crosses && request.tif === 'ALO') {
      const rejected = this.newOrder(address, request, 'limit', price, amount, now, parentId);
      rejected.cancelled = amount;
      rejected.status = 'rejected';
      rejected.reason = 'post_only_rejected';
      this.record(rejected, 'post_only_rejected', now);
      throw new SimError('POST_ONLY_REJECTED', 'Order rejected: post_only_rejected', {
        orderId: rejected.id,
      });
    }
    if (crosses && request.tif === 'TOB') {
      const best = market.book.best(opposite(request.side))!;
      price = request.side === 'bid' ? best.minus(market.tick) : best.plus(market.tick);
    }
    const order = this.newOrder(address, request, 'limit', price, amount, now, parentId);
    if (crosses && (request.tif === 'GTC' || request.tif === 'IOC')) {
      this.execute(market, order, price, now);
    }
    if (remainingOf(order).gt(0)) {
      if (request.tif === 'IOC') {
        this.cancelOrder(order, 'cancel', now);
      } else {
        market.book.add(restingOf(order));
        if (order.filled.isZero()) {
          this.record(order, 'make', now);
        }
      }
    }
    this.attachTpsl(account, order, request, now);
    return order.id;
  }

  createStopOrder(address: string, request: StopOrderRequest, now: number): number {
    const market = this.market(request.symbol);
    this.account(address, now);
    this.assertNewClientOrderId(address, request.clientOrderId);
    const stopPrice = parseDecimal('stop_price', request.stopPrice);
    validatePrice(market.spec, stopPrice);
    const amount = parseDecimal('amount', request.amount);
    validateAmount(market.spec, amount);
    return this.addStop(market, address, now, {
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
    const market = this.market(request.symbol);
    const position = this.account(address, now).positions.get(request.symbol);
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
      for (const order of this.openOrders(address)) {
        if (order.symbol === request.symbol && order.type.startsWith(kind)) {
          this.cancelOrder(order, 'cancel', now);
        }
      }
      this.addTpslOrder(
        market,
        address,
        kind,
        request.side,
        info,
        position.amount.abs(),
        null,
        now,
      );
    }
  }

  cancel(address: string, request: CancelRequest, now: number, stopsOnly = false): void {
    this.market(request.symbol);
    const order = this.openOrders(address).find(
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
    this.cancelOrder(order, 'cancel', now);
  }

  cancelAll(address: string, request: CancelAllRequest, now: number): number {
    if (!request.allSymbols && request.symbol !== undefined) {
      this.market(request.symbol);
    }
    const targets = this.openOrders(address).filter(
      (order) =>
        (request.allSymbols || order.symbol === request.symbol) &&
        !(request.excludeReduceOnly && order.reduceOnly),
    );
    for (const order of targets) {
      this.cancelOrder(order, 'cancel', now);
    }
    return targets.length;
  }

  // ---- simulation -----------------------------------------------------------------------------

  /** One step of every market: walk, refresh the synthetic book, random flow, stop triggers. */
  tick(now: number): void {
    for (const market of this.markets.values()) {
      this.tickMarket(market, now);
    }
  }

  moveMid(symbol: string, price: string): void {
    this.market(symbol).walk.moveTo(price);
  }

  injectWhale(request: WhaleRequest, now: number): WhalePlaced {
    const market = this.market(request.symbol);
    const spec = market.spec;
    const levels = request.kind === 'single' ? 1 : Math.max(3, request.levels ?? 4);
    const notional =
      request.notionalUsd ??
      (request.kind === 'single' ? 25 * spec.levelNotionalUsd : 6 * spec.levelNotionalUsd * levels);
    const step = market.tick.mul(spec.levelStepTicks);
    const direction = request.side === 'bid' ? -1 : 1;
    const best = market.book.best(request.side) ?? market.mark;
    const placement = { orderIds: [] as number[], expiresAt: now + (request.durationMs ?? 30_000) };
    const prices: string[] = [];
    const amounts: string[] = [];
    // Every rung gets the same size, priced at the first rung: a ladder is equal orders.
    const amount = Decimal.max(
      spec.lotSize,
      roundToStep(
        new Decimal(notional / levels).div(best.plus(step.mul(3 * direction))),
        spec.lotSize,
        'down',
      ),
    );
    for (let level = 0; level < levels; level++) {
      const price = best.plus(step.mul(3 + level).mul(direction));
      if (price.lte(0)) {
        break;
      }
      for (const resting of market.book.ordersOf(SYNTHETIC_OWNER)) {
        if (resting.side === request.side && resting.price.eq(price)) {
          market.book.remove(resting.id);
        }
      }
      const id = this.nextOrderId++;
      market.book.add({ id, owner: WHALE_OWNER, side: request.side, price, remaining: amount });
      placement.orderIds.push(id);
      prices.push(price.toFixed(market.tick.decimalPlaces()));
      amounts.push(amount.toFixed(new Decimal(spec.lotSize).decimalPlaces()));
    }
    market.whales.push(placement);
    return {
      symbol: request.symbol,
      side: request.side,
      kind: request.kind,
      prices,
      amounts,
      ...placement,
    };
  }

  // ---- internals ------------------------------------------------------------------------------

  private tickMarket(market: MarketState, now: number): void {
    market.walk.step();
    for (const order of market.book.ordersOf(SYNTHETIC_OWNER)) {
      market.book.remove(order.id);
    }
    for (const whale of market.whales.filter((w) => w.expiresAt <= now)) {
      whale.orderIds.forEach((id) => market.book.remove(id));
      market.whales.splice(market.whales.indexOf(whale), 1);
    }
    const quotes = syntheticQuotes(
      market.spec,
      market.mark,
      market.random,
      this.syntheticLevels,
      (side, price) => market.book.hasPrice(side, price),
    );
    for (const quote of quotes) {
      const result = this.matchSynthetic(
        market,
        SYNTHETIC_OWNER,
        quote.side,
        quote.amount,
        quote.price,
        now,
      );
      if (result.gt(0)) {
        market.book.add({
          id: this.nextOrderId++,
          owner: SYNTHETIC_OWNER,
          side: quote.side,
          price: quote.price,
          remaining: result,
        });
      }
    }
    if (market.random() < 0.5) {
      const side: Side = market.random() < 0.5 ? 'bid' : 'ask';
      const best = market.book.best(opposite(side));
      const notional = market.spec.levelNotionalUsd * (0.02 + 0.2 * market.random());
      const amount = new Decimal(
        roundToStep(new Decimal(notional).div(market.mark), market.spec.lotSize, 'down'),
      );
      if (best && amount.gt(0)) {
        this.matchSynthetic(market, FLOW_OWNER, side, amount, best, now);
      }
    }
    this.triggerStops(market, now);
  }

  /** A simulator-owned taker order; returns what it could not fill. */
  private matchSynthetic(
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

  private execute(market: MarketState, order: SimOrder, limit: Decimal, now: number): void {
    const result = market.book.match(order.side, remainingOf(order), limit, order.account);
    for (const resting of result.selfTradeCancelled) {
      const own = this.orders.get(resting.id);
      if (own) {
        this.cancelOrder(own, 'self_trade_prevented', now, false);
      }
    }
    for (const fill of result.fills) {
      this.settle(market, order.side, order.account, order, fill, now);
    }
    if (order.filled.gt(0)) {
      updateStatus(order);
      this.record(order, order.type === 'market' ? 'fulfill_market' : 'fulfill_limit', now);
    }
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
      tradeSide = this.applyToAccount(takerOrder, fill, 'fulfill_taker', now);
    }
    const maker = isSimOwner(fill.maker.owner) ? undefined : this.orders.get(fill.maker.id);
    if (maker) {
      this.applyToAccount(maker, fill, 'fulfill_maker', now);
      updateStatus(maker);
      this.record(maker, 'fulfill_limit', now);
    }
    const trade = {
      historyId: this.nextHistoryId++,
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

  private applyToAccount(
    order: SimOrder,
    fill: BookFill,
    liquidity: FillRecord['liquidity'],
    now: number,
  ): TradeSide {
    const account = this.account(order.account, now);
    const change = applyFill(
      account.positions.get(order.symbol),
      order.symbol,
      order.side,
      fill.price,
      fill.amount,
      now,
    );
    const rate = liquidity === 'fulfill_taker' ? this.takerFee : this.makerFee;
    const fee = fill.price.mul(fill.amount).mul(rate);
    account.balance = account.balance.plus(change.realisedPnl).minus(fee);
    account.updatedAt = now;
    if (change.position) {
      account.positions.set(order.symbol, change.position);
    } else {
      account.positions.delete(order.symbol);
    }
    order.filled = order.filled.plus(fill.amount);
    order.filledNotional = order.filledNotional.plus(fill.amount.mul(fill.price));
    order.updatedAt = now;
    const record: FillRecord = {
      historyId: this.nextHistoryId++,
      orderId: order.id,
      clientOrderId: order.clientOrderId,
      account: order.account,
      symbol: order.symbol,
      amount: fill.amount,
      price: fill.price,
      entryPrice: change.entryPrice,
      fee,
      pnl: change.realisedPnl,
      liquidity,
      side: change.tradeSide,
      createdAt: now,
    };
    const fills = this.fillsByAccount.get(order.account) ?? [];
    fills.unshift(record);
    this.fillsByAccount.set(order.account, fills);
    this.events.push({ type: 'fill', account: order.account, fill: record });
    this.events.push({ type: 'positions', account: order.account });
    return change.tradeSide;
  }

  private triggerStops(market: MarketState, now: number): void {
    const mark = market.mark;
    for (const [id, trigger] of [...market.stops]) {
      const stop = this.orders.get(id)!;
      const stopPrice = stop.stopPrice!;
      if (trigger.above ? mark.lt(stopPrice) : mark.gt(stopPrice)) {
        continue;
      }
      market.stops.delete(id);
      stop.status = 'filled';
      this.record(stop, 'stop_triggered', now);
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
            id,
          );
        } else {
          const slippagePercent = STOP_SLIPPAGE_PERCENT;
          this.createMarketOrder(stop.account, { ...child, slippagePercent }, now, id);
        }
      } catch (error) {
        // A child that is no longer valid (position already closed, empty book) is simply dropped.
        if (!(error instanceof SimError)) {
          throw error;
        }
      }
    }
  }

  private attachTpsl(
    account: AccountState,
    order: SimOrder,
    request: { takeProfit?: StopInfo; stopLoss?: StopInfo },
    now: number,
  ): void {
    const market = this.market(order.symbol);
    const closing = opposite(order.side);
    if (request.takeProfit) {
      this.addTpslOrder(
        market,
        account.address,
        'take_profit',
        closing,
        request.takeProfit,
        order.amount,
        order.id,
        now,
      );
    }
    if (request.stopLoss) {
      this.addTpslOrder(
        market,
        account.address,
        'stop_loss',
        closing,
        request.stopLoss,
        order.amount,
        order.id,
        now,
      );
    }
  }

  private addTpslOrder(
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
    this.addStop(market, address, now, {
      type: `${kind}_${info.limitPrice ? 'limit' : 'market'}`,
      side: closingSide,
      info,
      amount: info.amount ? parseDecimal('amount', info.amount) : defaultAmount,
      reduceOnly: true,
      parentId,
      above,
    });
  }

  private addStop(
    market: MarketState,
    address: string,
    now: number,
    stop: {
      type: OrderType;
      side: Side;
      info: StopInfo;
      amount: Decimal;
      reduceOnly: boolean;
      parentId: number | null;
      above: boolean;
    },
  ): number {
    const limitPrice = stop.info.limitPrice
      ? parseDecimal('limit_price', stop.info.limitPrice)
      : null;
    if (limitPrice) {
      validatePrice(market.spec, limitPrice);
    }
    const order = this.newOrder(
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
    this.record(order, 'stop_created', now);
    return order.id;
  }

  private newOrder(
    address: string,
    request: {
      symbol: string;
      side: Side;
      reduceOnly: boolean;
      clientOrderId?: string;
      tif?: LimitOrderRequest['tif'];
    },
    type: OrderType,
    price: Decimal | null,
    amount: Decimal,
    now: number,
    parentId: number | null,
  ): SimOrder {
    const order: SimOrder = {
      id: this.nextOrderId++,
      clientOrderId: request.clientOrderId ?? null,
      account: address,
      symbol: request.symbol,
      side: request.side,
      type,
      tif: request.tif ?? null,
      price,
      amount,
      filled: ZERO,
      filledNotional: ZERO,
      cancelled: ZERO,
      status: 'open',
      reason: null,
      reduceOnly: request.reduceOnly,
      stopPrice: null,
      stopParentOrderId: parentId,
      createdAt: now,
      updatedAt: now,
    };
    this.orders.set(order.id, order);
    const ids = this.orderIdsByAccount.get(address) ?? [];
    ids.push(order.id);
    this.orderIdsByAccount.set(address, ids);
    return order;
  }

  private cancelOrder(order: SimOrder, reason: CancelReason, now: number, fromBook = true): void {
    const market = this.market(order.symbol);
    if (fromBook) {
      market.book.remove(order.id);
    }
    market.stops.delete(order.id);
    order.cancelled = remainingOf(order);
    order.status = 'cancelled';
    order.reason = reason;
    this.record(order, reason, now);
  }

  private record(order: SimOrder, event: OrderEvent, now: number): void {
    order.updatedAt = now;
    const entry = { historyId: this.nextHistoryId++, event, order: { ...order }, createdAt: now };
    const entries = this.history.get(order.id) ?? [];
    entries.push(entry);
    this.history.set(order.id, entries);
    this.events.push({ type: 'order', account: order.account, entry });
  }

  private ordersOf(address: string): SimOrder[] {
    return (this.orderIdsByAccount.get(address) ?? []).map((id) => this.orders.get(id)!);
  }

  private assertNewClientOrderId(address: string, clientOrderId: string | undefined): void {
    if (clientOrderId && this.ordersOf(address).some((o) => o.clientOrderId === clientOrderId)) {
      throw new SimError('DUPLICATE_CLIENT_ORDER_ID', 'Duplicate client_order_id', {
        clientOrderId,
      });
    }
  }

  private reduceOnlyAmount(
    account: AccountState,
    symbol: string,
    side: Side,
    amount: Decimal,
    reduceOnly: boolean,
  ): Decimal {
    if (!reduceOnly) {
      return amount;
    }
    const position = account.positions.get(symbol)?.amount ?? ZERO;
    if (position.isZero() || position.isPos() === (side === 'bid')) {
      throw new SimError('REDUCE_ONLY_REJECTED', 'Reduce-only order would increase the position', {
        symbol,
      });
    }
    return Decimal.min(amount, position.abs());
  }

  private assertMargin(
    account: AccountState,
    symbol: string,
    notional: Decimal,
    reduceOnly: boolean,
  ): void {
    if (reduceOnly) {
      return;
    }
    const required = notional.div(this.leverageOf(account, symbol));
    if (required.gt(this.summary(account.address, account.updatedAt).availableToSpend)) {
      throw new SimError('INSUFFICIENT_BALANCE', 'Insufficient balance', { symbol });
    }
  }
}

function remainingOf(order: SimOrder): Decimal {
  return order.amount.minus(order.filled).minus(order.cancelled);
}

function updateStatus(order: SimOrder): void {
  if (remainingOf(order).isZero()) {
    order.status = order.cancelled.isZero() ? 'filled' : 'cancelled';
  } else if (order.filled.gt(0)) {
    order.status = 'partially_filled';
  }
}

function restingOf(order: SimOrder): RestingOrder {
  return {
    id: order.id,
    owner: order.account,
    side: order.side,
    price: order.price!,
    remaining: remainingOf(order),
  };
}

function paginate<T>(
  all: T[],
  limit: number,
  cursor: number | undefined,
  key: (item: T) => number,
): Page<T> {
  const start = cursor === undefined ? 0 : all.findIndex((item) => key(item) < cursor);
  const rest = start === -1 ? [] : all.slice(start);
  const items = rest.slice(0, limit);
  const hasMore = rest.length > limit;
  const last = items[items.length - 1];
  return { items, hasMore, nextCursor: hasMore && last ? String(key(last)) : null };
}
