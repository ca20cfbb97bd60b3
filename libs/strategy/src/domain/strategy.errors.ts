import { DomainError, type ErrorKinds } from '@nexwave/core';

export type StrategyErrorCode =
  'UNKNOWN_STRATEGY' | 'INVALID_PARAMETERS' | 'STRATEGY_NOT_FOUND' | 'UNKNOWN_CURSOR';

/**
 * A strategy could not be built (`details` name the strategy and, for parameters, the issues), no
 * instance has the id asked for (`strategyId`), or a page of signals starts at a signal the
 * instance does not have (`before`).
 */
export class StrategyError extends DomainError<StrategyErrorCode> {
  static override readonly kinds: ErrorKinds<StrategyErrorCode> = {
    UNKNOWN_STRATEGY: 'invalid',
    INVALID_PARAMETERS: 'invalid',
    STRATEGY_NOT_FOUND: 'not-found',
    UNKNOWN_CURSOR: 'invalid',
  };
}
