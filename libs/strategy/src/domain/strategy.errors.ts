import { DomainError, type ErrorKinds } from '@nexwave/core';

export type StrategyErrorCode = 'UNKNOWN_STRATEGY' | 'INVALID_PARAMETERS';

/** A strategy could not be built: `details` name the strategy and, for parameters, the issues. */
export class StrategyError extends DomainError<StrategyErrorCode> {
  static override readonly kinds: ErrorKinds<StrategyErrorCode> = {
    UNKNOWN_STRATEGY: 'invalid',
    INVALID_PARAMETERS: 'invalid',
  };
}
