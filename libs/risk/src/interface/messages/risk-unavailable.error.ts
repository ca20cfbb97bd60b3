import { DomainError, type ErrorKinds } from '@nexwave/core';

export type RiskUnavailableCode = 'RISK_UNAVAILABLE';

/** The risk service did not answer a check (no responder, timeout): the order must not be sent. */
export class RiskUnavailableError extends DomainError<RiskUnavailableCode> {
  static override readonly kinds: ErrorKinds<RiskUnavailableCode> = {
    RISK_UNAVAILABLE: 'unavailable',
  };
}
