/**
 * The exchange did not answer, or answered that it is unwell (timeout, 5xx, connection lost): the
 * request's fate is unknown and the breaker counts it. Safe to log: no keys or signatures.
 */
export class ExchangeUnavailableError extends Error {
  /**
   * False only when the request surely never reached the exchange (connection refused, no credit
   * left to send it): a place then ends `rejected` instead of `unknown`. Defaults to true.
   */
  readonly mayHaveReachedExchange: boolean;

  constructor(message: string, options?: { cause?: unknown; mayHaveReachedExchange?: boolean }) {
    super(message, options);
    this.name = 'ExchangeUnavailableError';
    this.mayHaveReachedExchange = options?.mayHaveReachedExchange ?? true;
  }
}

/** The exchange answered and refused the request (margin, tick size...): the breaker does not count it. */
export class ExchangeRejectedError extends Error {
  constructor(
    /** The exchange's own code, or our name for the refusal. */
    readonly code: string,
    readonly reason: string,
  ) {
    super(`${code}: ${reason}`);
    this.name = 'ExchangeRejectedError';
  }
}
