import { DomainError, type ErrorKinds } from '@nexwave/core';

export type StrategyApiErrorCode = 'INVALID_REQUEST' | 'STRATEGY_UNAVAILABLE' | 'COMMAND_REJECTED';

/**
 * What the strategies API answers beyond the context's own errors: a parameter out of bounds,
 * the trading engine not answering a pause or resume (no responder, timeout), or a refusal with
 * a code the API does not know (kept in `details.code`).
 */
export class StrategyApiError extends DomainError<StrategyApiErrorCode> {
  static override readonly kinds: ErrorKinds<StrategyApiErrorCode> = {
    INVALID_REQUEST: 'invalid',
    STRATEGY_UNAVAILABLE: 'unavailable',
    COMMAND_REJECTED: 'conflict',
  };
}
