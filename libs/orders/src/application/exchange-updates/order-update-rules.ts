import type { Order, OrderChangeCause, OrderEvent } from '../../domain/order';
import { canTransition, type OrderStatus } from '../../domain/order-status';
import type { Position } from '../../domain/position';
import type { OrderUpdate } from '../ports/exchange.port';

const TARGET: Readonly<Record<'open' | 'canceled' | 'rejected' | 'expired', OrderStatus>> = {
  open: 'open',
  canceled: 'canceled',
  rejected: 'rejected',
  expired: 'expired',
};

/**
 * The domain call one exchange fact means for `order`, and the events it produced. A fill is
 * applied once (by fill id); a status the order has already reached or passed (an `open` after a
 * fill, a cancel after it filled) changes nothing. A fill on a closed order is refused by the
 * aggregate (ILLEGAL_TRANSITION): the exchange and we disagree, and that must be seen.
 */
export function applyOrderUpdate(
  order: Order,
  update: OrderUpdate,
  cause: OrderChangeCause,
): OrderEvent[] {
  if (update.kind === 'fill') {
    const { fill } = update;
    return order.applyFill(
      {
        fillId: fill.fillId,
        amount: fill.amount,
        price: fill.price,
        feeUsd: fill.feeUsd,
        liquidity: fill.liquidity,
        at: fill.at,
      },
      cause,
      fill.exchangeOrderId,
    );
  }
  if (!canTransition(order.status, TARGET[update.status])) {
    return [];
  }
  const change = { cause, at: update.at };
  switch (update.status) {
    case 'open':
      return order.open(update.exchangeOrderId, change);
    case 'canceled':
      return order.cancel(update.reason ?? 'canceled on the exchange', change);
    case 'rejected':
      return order.reject(update.reason ?? 'rejected by the exchange', change);
    case 'expired':
      return order.expire(change);
  }
}

/** The position after the fills these events carry; unchanged when they carry none. */
export function positionAfter(
  position: Position,
  order: Order,
  events: readonly OrderEvent[],
): Position {
  return events.reduce(
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
    position,
  );
}
