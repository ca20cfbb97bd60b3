import { Decimal, roundToStep, type Random } from '@nexwave/core';

import type { MarketSpec } from './market';
import type { Side } from './order';

export interface Quote {
  side: Side;
  price: Decimal;
  amount: Decimal;
}

/**
 * Maker quotes around a mid: `levels` per side, `levelStepTicks` apart, each level worth about
 * `levelNotionalUsd` split into one to three orders. Prices for which `skip` is true stay empty
 * (a whale sits there, so its level keeps n=1).
 */
export function syntheticQuotes(
  market: MarketSpec,
  mid: Decimal,
  random: Random,
  levels: number,
  skip: (side: Side, price: Decimal) => boolean,
): Quote[] {
  const tick = new Decimal(market.tickSize);
  const step = tick.mul(market.levelStepTicks);
  const bestAsk = new Decimal(roundToStep(mid.plus(tick.div(2)), tick, 'up'));
  const bestBid = Decimal.max(tick, new Decimal(roundToStep(mid.minus(tick.div(2)), tick, 'down')));
  const lot = Number(market.lotSize);
  const lotDecimals = new Decimal(market.lotSize).decimalPlaces();
  const quotes: Quote[] = [];
  for (const side of ['ask', 'bid'] as const) {
    for (let level = 0; level < levels; level++) {
      const offset = step.mul(level);
      const price = side === 'ask' ? bestAsk.plus(offset) : bestBid.minus(offset);
      if (price.lte(0)) {
        break;
      }
      const orders = 1 + Math.floor(random() * 3);
      const notional = market.levelNotionalUsd * (0.5 + random());
      if (skip(side, price)) {
        continue;
      }
      // Float maths is fine for the simulator's own sizes; they land on the lot grid as strings.
      const lots = Math.max(1, Math.floor(notional / orders / price.toNumber() / lot));
      const amount = new Decimal((lots * lot).toFixed(lotDecimals));
      for (let i = 0; i < orders; i++) {
        quotes.push({ side, price, amount });
      }
    }
  }
  return quotes;
}
