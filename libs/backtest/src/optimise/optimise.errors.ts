import { DomainError, type ErrorKinds } from '@nexwave/core';

export type OptimiseErrorCode =
  'INVALID_RANGE' | 'DUPLICATE_PARAMETER' | 'UNKNOWN_OBJECTIVE' | 'INVALID_FOLDS';

/** The optimisation cannot run as asked: `details.parameter` names the offending one. */
export class OptimiseError extends DomainError<OptimiseErrorCode> {
  static override readonly kinds: ErrorKinds<OptimiseErrorCode> = {
    INVALID_RANGE: 'invalid',
    DUPLICATE_PARAMETER: 'invalid',
    UNKNOWN_OBJECTIVE: 'invalid',
    INVALID_FOLDS: 'invalid',
  };
}
