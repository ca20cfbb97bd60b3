import { Decimal, roundToStep } from '@nexwave/core';

import type { WhalePlaced, WhaleRequest } from './exchange.types';
import type { Markets } from './markets';
import { SYNTHETIC_OWNER, WHALE_OWNER } from './order';
import type { Sequence } from './sequence';

/**
 * Places a whale on a book on request (sim control): one big level or an equal-size ladder a few
 * levels from the touch, replacing the synthetic quotes at its prices until it expires.
 */
export class WhaleInjector {
  constructor(
    private readonly markets: Markets,
    private readonly orderIds: Sequence,
  ) {}

  injectWhale(request: WhaleRequest, now: number): WhalePlaced {
    const market = this.markets.get(request.symbol);
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
      const id = this.orderIds.next();
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
}
