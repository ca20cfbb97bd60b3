import { Decimal } from '@nexwave/core';

import type { AccountBalance } from '../../application/ports/exchange.port';
import { Position, type PositionFill, type PositionSnapshot } from '../../domain/position';

/** A resting order's claim on margin: its remaining amount at its limit price. */
export interface RestingClaim {
  readonly symbol: string;
  readonly amount: string;
  readonly price: string;
}

/** What the ledger needs to know about the markets to value the account. */
export interface LedgerMarkets {
  /** The mark of a market (the book's mid); null when unknown, then the position counts at entry. */
  mark(symbol: string): Decimal | null;
  /** Initial margin is notional / this. */
  maxLeverage(symbol: string): number;
}

const ZERO = new Decimal(0);

/**
 * The paper account, in exact USD:
 * - balance = starting balance + realised PnL − fees, over every position ever held (flat ones too);
 * - equity = balance + unrealised PnL of the open positions at their mark;
 * - available to spend = equity − initial margin held, where the margin held is the notional of each
 *   open position (at its mark) and of each resting order that is not reduce-only (at its price),
 *   divided by the market's max leverage; never below zero. It is reported, not enforced.
 */
export class PaperLedger {
  private readonly positions = new Map<string, Position>();
  private readonly startingBalance: Decimal;

  constructor(startingBalanceUsd: Decimal.Value) {
    this.startingBalance = new Decimal(startingBalanceUsd);
  }

  /** Replaces every position with the stored ones (after a restart); the balance follows from them. */
  restore(snapshots: readonly PositionSnapshot[]): void {
    this.positions.clear();
    for (const snapshot of snapshots) {
      this.positions.set(snapshot.symbol, Position.restore(snapshot));
    }
  }

  position(symbol: string): Position {
    return this.positions.get(symbol) ?? Position.flat(symbol);
  }

  apply(symbol: string, fill: PositionFill): Position {
    const next = this.position(symbol).apply(fill);
    this.positions.set(symbol, next);
    return next;
  }

  /** The positions that are not flat. */
  openPositions(): Position[] {
    return [...this.positions.values()].filter((position) => !position.isFlat);
  }

  balanceUsd(): Decimal {
    let balance = this.startingBalance;
    for (const position of this.positions.values()) {
      balance = balance.plus(position.realisedPnlUsd).minus(position.feesUsd);
    }
    return balance;
  }

  account(markets: LedgerMarkets, resting: readonly RestingClaim[]): AccountBalance {
    const balance = this.balanceUsd();
    let equity = balance;
    let margin = ZERO;
    for (const position of this.openPositions()) {
      const mark = markets.mark(position.symbol) ?? position.entryPrice ?? ZERO;
      equity = equity.plus(position.unrealisedPnlUsd(mark));
      margin = margin.plus(position.size.abs().mul(mark).div(markets.maxLeverage(position.symbol)));
    }
    for (const claim of resting) {
      margin = margin.plus(
        new Decimal(claim.amount).mul(claim.price).div(markets.maxLeverage(claim.symbol)),
      );
    }
    return {
      balanceUsd: balance.toFixed(),
      equityUsd: equity.toFixed(),
      availableToSpendUsd: Decimal.max(ZERO, equity.minus(margin)).toFixed(),
    };
  }
}
