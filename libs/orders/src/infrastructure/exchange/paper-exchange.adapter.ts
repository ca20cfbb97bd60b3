import { Logger } from '@nestjs/common';

import { Decimal, roundToStep, systemClock, uuidv7, type Clock } from '@nexwave/core';
import {
  ContractStreamReader,
  perProcessGroup,
  StreamFamilies,
  type StreamPort,
} from '@nexwave/messaging';
import type { MarketInfo } from '@nexwave/pacifica';

import { ExchangeRejectedError } from '../../application/ports/exchange.errors';
import {
  ExchangePort,
  type AccountBalance,
  type CancelTarget,
  type ExchangeAck,
  type ExchangeFill,
  type ExchangeOrder,
  type ExchangePosition,
  type OrderUpdate,
  type OrderUpdateSubscription,
} from '../../application/ports/exchange.port';
import type { Order, OrderRequest, OrderSide } from '../../domain/order';
import {
  fillOnBook,
  fillRestingOrder,
  type FeeRates,
  type PaperFill,
} from '../../domain/paper-fill-model';
import type { PositionSnapshot } from '../../domain/position';
import { PaperBookCache, type PaperBook } from './paper-book-cache';
import { PaperLedger } from './paper-ledger';
import type { PaperMarkets } from './paper-markets';

export interface PaperExchangeOptions {
  readonly startingBalanceUsd: Decimal.Value;
  /** Orders are refused when the newest book of their market is older than this. */
  readonly bookMaxAgeMs: number;
  /** Pacifica's base tier when unset. */
  readonly fees?: FeeRates;
  readonly clock?: Clock;
  /** How many fills (for `fillsSince`) and acknowledged client order ids are remembered. */
  readonly historyLimit?: number;
}

/** A limit order resting on the paper book. */
interface RestingOrder {
  readonly exchangeOrderId: string;
  readonly request: OrderRequest;
  readonly market: MarketInfo;
  readonly price: string;
  /** What can still fill: the request less its fills, less what can never fill (lot, reduce-only clamp). */
  remaining: Decimal;
  filled: Decimal;
  /** Why the order ends canceled when `remaining` runs out before the ordered amount filled. */
  readonly shortfallReason: string;
  readonly createdAt: Date;
}

/**
 * The paper exchange: orders fill against the current book of their market, read from the
 * `orderbook:{SYMBOL}` streams, with the pure fill model (`fillOnBook` on arrival, `fillRestingOrder`
 * for each later book); Pacifica's fees; the account is the paper ledger. Updates are pushed to
 * subscribers after the ack, in order, as the live exchange's account stream would.
 *
 * Simplifications: each book is a fresh snapshot (our own fills do not consume it, and every
 * resting order sees all the volume crossing it); margin is reported, not enforced.
 *
 * State lives in memory. After a restart call `restore` with the stored working orders and
 * positions before `start`: resting limit orders keep resting under their exchange ids and the
 * ledger continues from the stored realised PnL and fees. A paper order that was never
 * acknowledged (`unknown`, no exchange id) is not restored: reconciliation finds it absent.
 */
export class PaperExchangeAdapter extends ExchangePort {
  private readonly logger = new Logger(PaperExchangeAdapter.name);
  private readonly clock: Clock;
  private readonly historyLimit: number;
  private readonly books: PaperBookCache;
  private readonly ledger: PaperLedger;
  private readonly reader: ContractStreamReader<typeof StreamFamilies.OrderBook>;
  /** By exchange order id; insertion order is time priority. */
  private readonly resting = new Map<string, RestingOrder>();
  /** clientOrderId → exchange order id of the last `historyLimit` orders: a replay gets the same ack. */
  private readonly acks = new Map<string, string>();
  private fills: ExchangeFill[] = [];
  private readonly listeners = new Set<(update: OrderUpdate) => void>();
  private readonly outbox: OrderUpdate[] = [];

  constructor(
    streams: StreamPort,
    private readonly markets: PaperMarkets,
    private readonly options: PaperExchangeOptions,
  ) {
    super();
    this.clock = options.clock ?? systemClock;
    this.historyLimit = options.historyLimit ?? 10_000;
    this.books = new PaperBookCache(options.bookMaxAgeMs);
    this.ledger = new PaperLedger(options.startingBalanceUsd);
    // Every paper exchange needs every book.
    this.reader = new ContractStreamReader(streams, StreamFamilies.OrderBook, {
      ...perProcessGroup('paper-exchange'),
      startId: '$',
      batchSize: 100,
    });
  }

  /**
   * Reads the books of `symbols` (every listed market when null) from now on: an old snapshot is no
   * price to fill at.
   */
  async start(symbols: readonly string[] | null): Promise<void> {
    await this.reader.start(symbols ?? (await this.listedSymbols()), (book) =>
      this.onBook({
        symbol: book.symbol,
        time: new Date(book.time),
        bids: book.bids,
        asks: book.asks,
      }),
    );
  }

  /** The markets the exchange lists. */
  listedSymbols(): Promise<string[]> {
    return this.markets.symbols();
  }

  stop(): Promise<void> {
    return this.reader.stop();
  }

  /** When the newest book of `symbol` was taken (null before the first): for health checks and tests. */
  bookTime(symbol: string): Date | null {
    return this.books.time(symbol);
  }

  /** Rebuilds the state a restart lost (see the class comment); replaces any state held. */
  async restore(
    workingOrders: readonly Order[],
    positions: readonly PositionSnapshot[],
  ): Promise<void> {
    this.ledger.restore(positions);
    this.resting.clear();
    for (const order of workingOrders) {
      const { request, exchangeOrderId, status } = order;
      if (
        request.orderType !== 'limit' ||
        !request.paperTrading ||
        exchangeOrderId === null ||
        (status !== 'open' && status !== 'partially_filled')
      ) {
        continue;
      }
      const market = await this.markets.rules(request.symbol);
      this.remember(this.acks, request.clientOrderId, exchangeOrderId);
      this.resting.set(exchangeOrderId, {
        exchangeOrderId,
        request,
        market,
        price: request.price,
        remaining: new Decimal(roundToStep(order.remainingAmount, market.lotSize, 'down')),
        filled: order.filledAmount,
        shortfallReason: lotReason(market),
        createdAt: order.snapshot().createdAt,
      });
    }
  }

  async place(request: OrderRequest): Promise<ExchangeAck> {
    const market = await this.markets.rules(request.symbol);
    // From here on nothing awaits, so two concurrent sends of one order cannot both execute.
    const known = this.acks.get(request.clientOrderId);
    if (known !== undefined) {
      return { exchangeOrderId: known };
    }
    const now = this.clock.now();
    const lookup = this.books.current(request.symbol, now);
    if (!lookup.ok) {
      throw new ExchangeRejectedError(lookup.code, lookup.reason);
    }
    const price =
      request.price === null
        ? null
        : roundToStep(request.price, market.tickSize, request.side === 'bid' ? 'down' : 'up');
    assertNotional(request, market, price ?? touch(lookup.book, request.side));
    const execution = fillOnBook({ ...request, price }, lookup.book, {
      market,
      positionSize: this.ledger.position(request.symbol).size.toFixed(),
      fees: this.options.fees,
    });
    if (execution.kind === 'rejected') {
      throw new ExchangeRejectedError('ORDER_REFUSED', execution.reason);
    }
    const exchangeOrderId = `paper-${uuidv7(now.getTime())}`;
    this.remember(this.acks, request.clientOrderId, exchangeOrderId);
    const updates: OrderUpdate[] = [];
    const rests = new Decimal(execution.restingAmount).gt(0);
    if (rests) {
      updates.push(this.status(exchangeOrderId, request, 'open', null, now));
    }
    for (const fill of execution.fills) {
      updates.push(this.fill(exchangeOrderId, request, fill, now));
    }
    if (rests && price !== null) {
      this.resting.set(exchangeOrderId, {
        exchangeOrderId,
        request,
        market,
        price,
        remaining: new Decimal(execution.restingAmount),
        filled: new Decimal(execution.filledAmount),
        shortfallReason: onLot(request.amount, market)
          ? (execution.cancelReason ?? lotReason(market))
          : lotReason(market),
        createdAt: now,
      });
    } else if (execution.cancelReason !== null) {
      updates.push(this.status(exchangeOrderId, request, 'canceled', execution.cancelReason, now));
    }
    this.publish(updates);
    return { exchangeOrderId };
  }

  cancel(target: CancelTarget): Promise<void> {
    const order =
      target.exchangeOrderId === null
        ? [...this.resting.values()].find(
            (resting) => resting.request.clientOrderId === target.clientOrderId,
          )
        : this.resting.get(target.exchangeOrderId);
    if (!order || order.request.symbol !== target.symbol) {
      return Promise.reject(
        new ExchangeRejectedError(
          'ORDER_NOT_FOUND',
          `no working paper order ${target.exchangeOrderId ?? target.clientOrderId} on ${target.symbol}`,
        ),
      );
    }
    this.cancelResting([order], 'canceled on request');
    return Promise.resolve();
  }

  cancelAll(symbol: string | null): Promise<number> {
    const orders = [...this.resting.values()].filter(
      (order) => symbol === null || order.request.symbol === symbol,
    );
    this.cancelResting(orders, 'canceled by cancel-all');
    return Promise.resolve(orders.length);
  }

  openOrders(): Promise<ExchangeOrder[]> {
    return Promise.resolve(
      [...this.resting.values()].map((order) => ({
        exchangeOrderId: order.exchangeOrderId,
        clientOrderId: order.request.clientOrderId,
        symbol: order.request.symbol,
        side: order.request.side,
        price: order.price,
        amount: order.request.amount,
        filledAmount: order.filled.toFixed(),
        reduceOnly: order.request.reduceOnly,
        createdAt: order.createdAt,
      })),
    );
  }

  /** Fills since `since` among the last `historyLimit` (fills from before a restart are gone). */
  fillsSince(since: Date): Promise<ExchangeFill[]> {
    return Promise.resolve(this.fills.filter((fill) => fill.at.getTime() >= since.getTime()));
  }

  positions(): Promise<ExchangePosition[]> {
    return Promise.resolve(
      this.ledger.openPositions().map((position) => ({
        symbol: position.symbol,
        size: position.size.toFixed(),
        entryPrice: position.entryPrice?.toFixed() ?? '0',
      })),
    );
  }

  async account(): Promise<AccountBalance> {
    const leverage = new Map<string, number>();
    const symbols = new Set([
      ...this.ledger.openPositions().map((position) => position.symbol),
      ...[...this.resting.values()].map((order) => order.request.symbol),
    ]);
    for (const symbol of symbols) {
      leverage.set(symbol, (await this.markets.rules(symbol)).maxLeverage);
    }
    const claims = [...this.resting.values()]
      .filter((order) => !order.request.reduceOnly)
      .map((order) => ({
        symbol: order.request.symbol,
        amount: order.remaining.toFixed(),
        price: order.price,
      }));
    return this.ledger.account(
      {
        mark: (symbol) => this.books.mid(symbol),
        maxLeverage: (symbol) => leverage.get(symbol) ?? 1,
      },
      claims,
    );
  }

  subscribe(listener: (update: OrderUpdate) => void): Promise<OrderUpdateSubscription> {
    this.listeners.add(listener);
    return Promise.resolve({
      close: () => {
        this.listeners.delete(listener);
        return Promise.resolve();
      },
    });
  }

  /** A newer book: keep it, then fill the resting orders of its market it crosses. */
  private onBook(book: PaperBook): void {
    if (!this.books.put(book)) {
      return;
    }
    const updates: OrderUpdate[] = [];
    for (const order of this.resting.values()) {
      if (order.request.symbol !== book.symbol) {
        continue;
      }
      const execution = fillRestingOrder(
        {
          side: order.request.side,
          price: order.price,
          remainingAmount: order.remaining.toFixed(),
          reduceOnly: order.request.reduceOnly,
        },
        book,
        {
          market: order.market,
          positionSize: this.ledger.position(book.symbol).size.toFixed(),
          fees: this.options.fees,
        },
      );
      for (const fill of execution.fills) {
        updates.push(this.fill(order.exchangeOrderId, order.request, fill, book.time));
        order.filled = order.filled.plus(fill.amount);
      }
      order.remaining = new Decimal(execution.remainingAmount);
      const reason =
        execution.cancelReason ??
        (order.remaining.isZero() && order.filled.lt(order.request.amount)
          ? order.shortfallReason
          : null);
      if (reason !== null) {
        updates.push(
          this.status(order.exchangeOrderId, order.request, 'canceled', reason, book.time),
        );
      }
      if (reason !== null || order.remaining.isZero()) {
        this.resting.delete(order.exchangeOrderId);
      }
    }
    this.publish(updates);
  }

  private cancelResting(orders: readonly RestingOrder[], reason: string): void {
    const now = this.clock.now();
    for (const order of orders) {
      this.resting.delete(order.exchangeOrderId);
    }
    this.publish(
      orders.map((order) =>
        this.status(order.exchangeOrderId, order.request, 'canceled', reason, now),
      ),
    );
  }

  /** Books one fill: the ledger moves, the fill is remembered for `fillsSince`. */
  private fill(
    exchangeOrderId: string,
    request: OrderRequest,
    fill: PaperFill,
    at: Date,
  ): OrderUpdate {
    const exchangeFill: ExchangeFill = {
      fillId: `paper-fill-${uuidv7(at.getTime())}`,
      exchangeOrderId,
      clientOrderId: request.clientOrderId,
      symbol: request.symbol,
      side: request.side,
      amount: fill.amount,
      price: fill.price,
      feeUsd: fill.feeUsd,
      liquidity: fill.liquidity,
      at,
    };
    this.ledger.apply(request.symbol, { ...fill, side: request.side, at });
    this.fills.push(exchangeFill);
    if (this.fills.length > this.historyLimit) {
      this.fills = this.fills.slice(-this.historyLimit);
    }
    return { kind: 'fill', fill: exchangeFill };
  }

  private status(
    exchangeOrderId: string,
    request: OrderRequest,
    status: 'open' | 'canceled',
    reason: string | null,
    at: Date,
  ): OrderUpdate {
    return {
      kind: 'status',
      exchangeOrderId,
      clientOrderId: request.clientOrderId,
      status,
      reason,
      at,
    };
  }

  /** Delivers after the current call returned (an ack comes before its updates), in order. */
  private publish(updates: readonly OrderUpdate[]): void {
    if (updates.length === 0) {
      return;
    }
    const first = this.outbox.length === 0;
    this.outbox.push(...updates);
    if (first) {
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    for (const update of this.outbox.splice(0)) {
      for (const listener of this.listeners) {
        try {
          listener(update);
        } catch (error) {
          this.logger.error(`An order-update listener failed: ${(error as Error).message}`);
        }
      }
    }
  }

  private remember(map: Map<string, string>, key: string, value: string): void {
    map.set(key, value);
    if (map.size > this.historyLimit) {
      map.delete(map.keys().next().value as string);
    }
  }
}

function onLot(amount: string, market: MarketInfo): boolean {
  return new Decimal(amount).mod(market.lotSize).isZero();
}

function lotReason(market: MarketInfo): string {
  return `amount rounded down to the lot size ${market.lotSize}`;
}

/** The best opposite price an incoming order would meet; null on an empty side. */
function touch(book: PaperBook, side: OrderSide): string | null {
  return (side === 'bid' ? book.asks : book.bids)[0]?.price ?? null;
}

/**
 * The exchange's notional limits at the order's price (its limit, or the touch for a market
 * order). Reduce-only orders are exempt from the minimum so a small position can always be closed.
 */
function assertNotional(request: OrderRequest, market: MarketInfo, price: string | null): void {
  if (price === null) {
    return;
  }
  const notional = new Decimal(request.amount).mul(price);
  if (!request.reduceOnly && notional.lt(market.minOrderSizeUsd)) {
    throw new ExchangeRejectedError(
      'NOTIONAL_TOO_SMALL',
      `${request.symbol}: order notional ${notional.toFixed()} USD is below the minimum ${market.minOrderSizeUsd}`,
    );
  }
  if (notional.gt(market.maxOrderSizeUsd)) {
    throw new ExchangeRejectedError(
      'NOTIONAL_TOO_LARGE',
      `${request.symbol}: order notional ${notional.toFixed()} USD is above the maximum ${market.maxOrderSizeUsd}`,
    );
  }
}
