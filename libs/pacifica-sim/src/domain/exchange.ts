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
  readonly accounts: Accounts;
  readonly orders: OrderJournal;
  readonly trading: OrderEntry;
  readonly stops: Stops;
  readonly ticker: MarketTicker;
  readonly whales: WhaleInjector;
  private readonly orderIds = new Sequence();
  private readonly events = new EventQueue();

  constructor(options: ExchangeOptions = {}) {
    const historyIds = new Sequence();
    this.markets = new Markets(options.markets, options.seed);
    this.orders = new OrderJournal(this.markets, this.orderIds, historyIds, this.events);
    this.accounts = new Accounts(this.markets, this.orders, historyIds, this.events, {
      initialBalance: new Decimal(options.initialBalance ?? '100000'),
      makerFee: new Decimal(options.makerFee ?? '0.00015'),
      takerFee: new Decimal(options.takerFee ?? '0.0004'),
    });
    const settlement = new Settlement(this.accounts, this.orders, historyIds, this.events);
    this.stops = new Stops(this.markets, this.accounts, this.orders);
    this.trading = new OrderEntry(this.markets, this.accounts, this.orders, settlement, this.stops);
    this.ticker = new MarketTicker(
      this.markets,
      this.orderIds,
      settlement,
      this.stops,
      this.trading,
      options.syntheticLevels ?? 20,
    );
    this.whales = new WhaleInjector(this.markets, this.orderIds);
  }

  /** The highest id handed out to any order: accounts', synthetic quotes' and whales'. */
  get lastOrderId(): number {
    return this.orderIds.last;
  }

  drainEvents(): SimEvent[] {
    return this.events.drain();
  }
}
