import { DomainError, type ErrorKinds } from '@nexwave/core';

export type WhalesQueryErrorCode = 'INVALID_QUERY';

/** A query parameter the whale queries cannot use; the message names it and the rule. */
export class WhalesQueryError extends DomainError<WhalesQueryErrorCode> {
  static override readonly kinds: ErrorKinds<WhalesQueryErrorCode> = { INVALID_QUERY: 'invalid' };
}
