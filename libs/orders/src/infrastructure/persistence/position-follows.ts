import { Decimal } from '@nexwave/core';

import {
  StalePositionWriteError,
  type OrderChangeSet,
} from '../../application/ports/order.repository.port';
import type { Position } from '../../domain/position';

/**
 * Throws StalePositionWriteError unless `change.position` is `stored` moved by the change's fills,
 * in order: a position computed from an older read would otherwise overwrite another order's fill.
 */
export function assertPositionFollows(stored: Position, change: OrderChangeSet): void {
  const { position, order, events } = change;
  if (!position) {
    return;
  }
  const expected = events.reduce(
    (moved, event) =>
      event.fill
        ? moved.apply({
            side: order.request.side,
            amount: event.fill.amount,
            price: event.fill.price,
            feeUsd: event.fill.feeUsd,
            at: event.fill.at,
          })
        : moved,
    stored,
  );
  if (!samePosition(expected, position)) {
    throw new StalePositionWriteError(position.symbol, order.request.paperTrading);
  }
}

function samePosition(a: Position, b: Position): boolean {
  const same = (x: Decimal | null, y: Decimal | null) =>
    x === null ? y === null : y !== null && x.eq(y);
  return (
    a.symbol === b.symbol &&
    a.size.eq(b.size) &&
    same(a.entryPrice, b.entryPrice) &&
    a.realisedPnlUsd.eq(b.realisedPnlUsd) &&
    a.feesUsd.eq(b.feesUsd) &&
    a.updatedAt?.getTime() === b.updatedAt?.getTime()
  );
}
