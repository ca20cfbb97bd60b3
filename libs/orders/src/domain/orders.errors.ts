import { DomainError, type ErrorKinds } from '@nexwave/core';

export type OrdersErrorCode =
  | 'INVALID_ORDER'
  | 'INVALID_FILL'
  | 'ILLEGAL_TRANSITION'
  | 'OVERFILL'
  | 'REDUCE_ONLY_WITHOUT_POSITION'
  | 'ORDER_NOT_FOUND'
  | 'BREAKER_OPEN'
  | 'TRADING_HALTED'
  | 'ALREADY_HALTED'
  | 'NOT_HALTED';

/** A rule of the orders context was broken; `details` name the order, state or limit involved. */
export class OrdersError extends DomainError<OrdersErrorCode> {
  /**
   * The caller's mistake is `invalid`; a request the current state forbids is `conflict`; an open
   * breaker is `unavailable` (retry after the cool-down); a halt is a `conflict` until resumed.
   */
  static override readonly kinds: ErrorKinds<OrdersErrorCode> = {
    INVALID_ORDER: 'invalid',
    INVALID_FILL: 'invalid',
    ILLEGAL_TRANSITION: 'conflict',
    OVERFILL: 'conflict',
    REDUCE_ONLY_WITHOUT_POSITION: 'conflict',
    ORDER_NOT_FOUND: 'not-found',
    BREAKER_OPEN: 'unavailable',
    TRADING_HALTED: 'conflict',
    ALREADY_HALTED: 'conflict',
    NOT_HALTED: 'conflict',
  };
}
