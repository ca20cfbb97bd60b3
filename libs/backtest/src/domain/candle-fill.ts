import { Decimal, roundToStep } from '@nexwave/core';
import type { BookSnapshot } from '@nexwave/orders';

/**
 * The book a market order meets in the candle model: one level, at the candle's open moved
 * against the order by `slippageBps` (then to the tick, against it too), holding `amount`. The
 * paper fill model then fills it as it fills a live paper order: lot, reduce-only clamp, fee.
 */
export function candleBook(
  side: 'bid' | 'ask',
  open: string,
  slippageBps: number,
  tickSize: string,
  amount: string,
): BookSnapshot {
  const slip = new Decimal(slippageBps).div(10_000);
  const level = (price: Decimal, rounding: 'up' | 'down') => [
    { price: roundToStep(price, tickSize, rounding), amount },
  ];
  return side === 'bid'
    ? { bids: [], asks: level(slip.plus(1).mul(open), 'up') }
    : { bids: level(new Decimal(1).minus(slip).mul(open), 'down'), asks: [] };
}
