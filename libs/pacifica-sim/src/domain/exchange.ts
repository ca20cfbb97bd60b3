import { Decimal } from '@nexwave/core';

import { Accounts } from './accounts';
import { EventQueue } from './event-queue';
import type { MarketSpec } from './market';
import { MarketTicker } from './market-ticker';
import { Markets } from './markets';
import { OrderEntry } from './order-entry';
import { OrderJournal } from './order-journal';
import type { SimEvent } from './records';
import { Sequence } from './sequence';
import { Settlement } from './settlement';
import { Stops } from './stops';
import { WhaleInjector } from './whale-injector';

export type { AccountState, AccountSummary, FillQuery } from './accounts';
export type { Page } from './page';

/** What the transport layer may do with accounts; fills and margin checks stay inside the engine. */
export type AccountsView = Omit<Accounts, 'applyFill' | 'reduceOnlyAmount' | 'assertMargin'>;

/** Orders as the transport layer reads them; creating, recording and cancelling stay inside. */
export type OrdersView = Pick<OrderJournal, 'openOrders' | 'orderHistory' | 'orderEvents'>;

export interface ExchangeOptions {
  markets?: readonly MarketSpec[];
  seed?: number;
  initialBalance?: string;
  makerFee?: string;
  takerFee?: string;
  /** Synthetic levels quoted per side (the book stream shows at most 10). */
  syntheticLevels?: number;
}

/**
 * The simulated exchange: markets with synthetic liquidity around a seeded random walk, accounts
 * with net positions, and the order lifecycle. Pure: time comes in as `now`, changes go out as
 * events through `drainEvents()`. One collaborator per responsibility; they share the id
 * sequences and the event queue, so ids and events keep one global order.
 */
export class Exchange {
  readonly markets: Markets;
  readonly accounts: AccountsView;
  readonly orders: OrdersView;
  readonly trading: OrderEntry;
  readonly stops: Stops;
  readonly ticker: MarketTicker;
  readonly whales: WhaleInjector;
  private readonly orderIds = new Sequence();
  private readonly events = new EventQueue();

  constructor(options: ExchangeOptions = {}) {
    const historyIds = new Sequence();
    const markets = new Markets(options.markets, options.seed);
    const orders = new OrderJournal(markets, this.orderIds, historyIds, this.events);
    const accounts = new Accounts(markets, orders, historyIds, this.events, {
      initialBalance: new Decimal(options.initialBalance ?? '100000'),
      makerFee: new Decimal(options.makerFee ?? '0.00015'),
      takerFee: new Decimal(options.takerFee ?? '0.0004'),
    });
    const settlement = new Settlement(accounts, orders, historyIds, this.events);
    this.markets = markets;
    this.accounts = accounts;
    this.orders = orders;
    this.stops = new Stops(markets, accounts, orders);
    this.trading = new OrderEntry(markets, accounts, orders, settlement, this.stops);
    this.whales = new WhaleInjector(markets, this.orderIds);
    this.ticker = new MarketTicker(
      markets,
      this.orderIds,
      settlement,
      this.stops,
      this.trading,
      options.syntheticLevels ?? 20,
      this.whales,
    );
  }

  /** The highest id handed out to any order: accounts', synthetic quotes' and whales'. */
  get lastOrderId(): number {
    return this.orderIds.last;
  }

  drainEvents(): SimEvent[] {
    return this.events.drain();
  }
}
