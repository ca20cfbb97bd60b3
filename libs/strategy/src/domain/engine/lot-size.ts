import { Decimal, roundToStep } from '@nexwave/core';

/** A signal's size rounded down to the market's lot; null when that leaves nothing to trade. */
export function sizeToLot(size: string, lotSize: string): string | null {
  const rounded = roundToStep(size, lotSize, 'down');
  return new Decimal(rounded).gt(0) ? rounded : null;
}
