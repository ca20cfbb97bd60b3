import { Decimal } from '@nexwave/core';

import type { EventQueue } from './event-queue';
import type { Markets } from './markets';
import { remainingOf, type Side, type SimOrder } from './order';
import type { BookFill } from './order-book';
import type { OrderJournal } from './order-journal';
import { paginate, type Page } from './page';
import { applyFill, unrealisedPnl, type Position, type TradeSide } from './position';
import type { FillRecord } from './records';
import type { Sequence } from './sequence';
import { SimError } from './sim.errors';

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

export interface FillQuery {
  symbol?: string;
  startTime?: number;
  endTime?: number;
  limit: number;
  cursor?: number;
}

export interface AccountTerms {
  initialBalance: Decimal;
  makerFee: Decimal;
  takerFee: Decimal;
}

const ZERO = new Decimal(0);

/** Accounts with balances, leverage, net positions and fills; margin checks for new orders. */
export class Accounts {
  private readonly accounts = new Map<string, AccountState>();
  private readonly fillsByAccount = new Map<string, FillRecord[]>();

  constructor(
    private readonly markets: Markets,
    private readonly orders: OrderJournal,
    private readonly historyIds: Sequence,
    private readonly events: EventQueue,
    private readonly terms: AccountTerms,
  ) {}

  get makerFee(): Decimal {
    return this.terms.makerFee;
  }

  get takerFee(): Decimal {
    return this.terms.takerFee;
  }

  /** Any key is an account: it is funded with the initial balance the first time it is seen. */
  account(address: string, now: number): AccountState {
    let account = this.accounts.get(address);
    if (!account) {
      account = {
        address,
        balance: this.terms.initialBalance,
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
    const market = this.markets.get(symbol);
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

  summary(address: string, now: number): AccountSummary {
    const account = this.account(address, now);
    let equity = account.balance;
    let marginUsed = ZERO;
    for (const position of account.positions.values()) {
      const mark = this.markets.get(position.symbol).mark;
      equity = equity.plus(unrealisedPnl(position, mark));
      marginUsed = marginUsed.plus(
        position.amount.abs().mul(mark).div(this.leverageOf(account, position.symbol)),
      );
    }
    const open = this.orders.openOrders(address);
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

  fills(address: string, query: FillQuery): Page<FillRecord> {
    const all = (this.fillsByAccount.get(address) ?? []).filter(
      (fill) =>
        (query.symbol === undefined || fill.symbol === query.symbol) &&
        (query.startTime === undefined || fill.createdAt >= query.startTime) &&
        (query.endTime === undefined || fill.createdAt <= query.endTime),
    );
    return paginate(all, query.limit, query.cursor, (fill) => fill.historyId);
  }

  /** Books one fill of an account's order: position, realised PnL, fee, and the fill record. */
  applyFill(
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
      historyId: this.historyIds.next(),
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

  /** The amount a reduce-only order may trade: at most the position it closes. */
  reduceOnlyAmount(
    account: AccountState,
    { symbol, side, reduceOnly }: { symbol: string; side: Side; reduceOnly: boolean },
    amount: Decimal,
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

  assertMargin(
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

  private leverageOf(account: AccountState, symbol: string): number {
    return account.leverage.get(symbol) ?? this.markets.get(symbol).spec.maxLeverage;
  }
}
