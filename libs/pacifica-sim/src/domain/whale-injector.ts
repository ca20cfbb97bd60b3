import { Decimal, roundToStep } from '@nexwave/core';

import type { WhaleOrigin, WhalePlaced, WhaleRecord, WhaleRequest } from './exchange.types';
import type { MarketState } from './market-state';
import type { Markets } from './markets';
import { SYNTHETIC_OWNER, WHALE_OWNER } from './order';
import type { Sequence } from './sequence';

/** Ground-truth records kept (the oldest are dropped first): hours of whales at the sim's rates. */
const MAX_RECORDS = 10_000;

/**
 * Places a whale on a book on request (sim control): one big level or an equal-size ladder a few
 * levels from the touch, replacing the synthetic quotes at its prices until it expires. Records
 * every whale it places (the ground truth a detector is measured against).
 */
export class WhaleInjector {
  private readonly records: WhaleRecord[] = [];
  private lastId = 0;

  constructor(
    private readonly markets: Markets,
    private readonly orderIds: Sequence,
  ) {}

  /** Every whale placed (at most the last MAX_RECORDS), in placement order. */
  get placed(): readonly WhaleRecord[] {
    return this.records;
  }

  injectWhale(request: WhaleRequest, now: number, origin: WhaleOrigin = 'injected'): WhalePlaced {
    const market = this.markets.get(request.symbol);
    const spec = market.spec;
    const levels = request.kind === 'single' ? 1 : Math.max(3, request.levels ?? 4);
    const notional =
      request.notionalUsd ??
      (request.kind === 'single' ? 25 * spec.levelNotionalUsd : 6 * spec.levelNotionalUsd * levels);
    const step = market.tick.mul(spec.levelStepTicks);
    const direction = request.side === 'bid' ? -1 : 1;
    const best = market.book.best(request.side) ?? market.mark;
    const expiresAt = now + (request.durationMs ?? 30_000);
    const rungs: { orderId: number; price: string; amount: string }[] = [];
    // Every rung gets the same size, priced at the first rung: a ladder is equal orders.
    const amount = Decimal.max(
      spec.lotSize,
      roundToStep(
        new Decimal(notional / levels).div(best.plus(step.mul(3 * direction))),
        spec.lotSize,
        'down',
      ),
    );
    let placedNotional = new Decimal(0);
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
      const orderId = this.orderIds.next();
      market.book.add({
        id: orderId,
        owner: WHALE_OWNER,
        side: request.side,
        price,
        remaining: amount,
      });
      placedNotional = placedNotional.plus(price.mul(amount));
      rungs.push({
        orderId,
        price: price.toFixed(market.tick.decimalPlaces()),
        amount: amount.toFixed(new Decimal(spec.lotSize).decimalPlaces()),
      });
    }
    const record: WhaleRecord = {
      id: ++this.lastId,
      origin,
      symbol: request.symbol,
      side: request.side,
      kind: request.kind,
      levels: rungs,
      notionalUsd: placedNotional.toFixed(),
      placedAt: now,
      expiresAt,
      endedAt: null,
    };
    const orderIds = rungs.map((r) => r.orderId);
    market.whales.push({ orderIds, expiresAt, record });
    this.records.push(record);
    if (this.records.length > MAX_RECORDS) {
      this.records.shift();
    }
    return {
      id: record.id,
      symbol: request.symbol,
      side: request.side,
      kind: request.kind,
      orderIds,
      prices: rungs.map((r) => r.price),
      amounts: rungs.map((r) => r.amount),
      expiresAt,
    };
  }

  /**
   * Takes whales off the book once expired, and ends the record of any whose orders are all gone
   * (expired, or filled by the flow).
   */
  retire(market: MarketState, now: number): void {
    for (const whale of [...market.whales]) {
      if (whale.expiresAt <= now) {
        whale.orderIds.forEach((id) => market.book.remove(id));
      }
      if (whale.orderIds.every((id) => !market.book.get(id))) {
        whale.record.endedAt = now;
        market.whales.splice(market.whales.indexOf(whale), 1);
      }
    }
  }
}
