import { DomainError } from '@nexwave/core';

export type SimErrorCode =
  | 'UNKNOWN'
  | 'BOOK_NOT_FOUND'
  | 'INVALID_TICK_LEVEL'
  | 'INVALID_LOT_SIZE'
  | 'INVALID_ORDER_SIZE'
  | 'INSUFFICIENT_BALANCE'
  | 'ORDER_NOT_FOUND'
  | 'INVALID_LEVERAGE'
  | 'POSITION_NOT_FOUND'
  | 'NO_REASONABLE_PRICE'
  | 'POST_ONLY_REJECTED'
  | 'REDUCE_ONLY_REJECTED'
  | 'DUPLICATE_CLIENT_ORDER_ID'
  | 'INVALID_REQUEST';

/** A request the exchange refuses; the server maps the code to Pacifica's status and number. */
export class SimError extends DomainError<SimErrorCode> {}
