import { DomainError, type ErrorKinds } from '@nexwave/core';

export type OrdersApiErrorCode =
  'INVALID_REQUEST' | 'ORDER_REJECTED' | 'ORDERS_UNAVAILABLE' | 'COMMAND_REJECTED';

/**
 * What the orders API answers beyond the domain's own errors: a parameter out of bounds, an
 * order the exchange rejected (stored as rejected: a replay answers the same), order management
 * not answering (no responder, timeout), or a refusal with a code the API does
 * not know (kept in `details.code`).
 */
export class OrdersApiError extends DomainError<OrdersApiErrorCode> {
  static override readonly kinds: ErrorKinds<OrdersApiErrorCode> = {
    INVALID_REQUEST: 'invalid',
    ORDER_REJECTED: 'conflict',
    ORDERS_UNAVAILABLE: 'unavailable',
    COMMAND_REJECTED: 'conflict',
  };
}
