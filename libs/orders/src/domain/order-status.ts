import { OrdersError } from './orders.errors';

/**
 * Where an order is in its life. `unknown`: it was (maybe) sent but its fate cannot be learned yet
 * (a timeout between send and ack); reconciliation moves it to whatever the exchange reports.
 */
export type OrderStatus =
  | 'pending'
  | 'open'
  | 'partially_filled'
  | 'filled'
  | 'canceled'
  | 'rejected'
  | 'expired'
  | 'unknown';

export const ORDER_STATUSES: readonly OrderStatus[] = [
  'pending',
  'open',
  'partially_filled',
  'filled',
  'canceled',
  'rejected',
  'expired',
  'unknown',
];

/** The statuses each status may move to; a terminal status moves nowhere. */
const NEXT: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending: ['open', 'partially_filled', 'filled', 'canceled', 'rejected', 'expired', 'unknown'],
  open: ['partially_filled', 'filled', 'canceled', 'expired', 'unknown'],
  partially_filled: ['partially_filled', 'filled', 'canceled', 'expired', 'unknown'],
  unknown: ['open', 'partially_filled', 'filled', 'canceled', 'rejected', 'expired'],
  filled: [],
  canceled: [],
  rejected: [],
  expired: [],
};

export function isTerminal(status: OrderStatus): boolean {
  return NEXT[status].length === 0;
}

/** Live on the exchange (or possibly so): cancel-all and reconciliation look at these. */
export function isWorking(status: OrderStatus): boolean {
  return status === 'open' || status === 'partially_filled' || status === 'unknown';
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return NEXT[from].includes(to);
}

/** Throws ILLEGAL_TRANSITION naming the order and both statuses when `from → to` is not allowed. */
export function assertTransition(clientOrderId: string, from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) {
    throw new OrdersError(
      'ILLEGAL_TRANSITION',
      `order ${clientOrderId}: ${from} cannot become ${to}`,
      {
        clientOrderId,
        from,
        to,
      },
    );
  }
}
