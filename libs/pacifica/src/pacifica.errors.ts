import { DomainError } from '@nexwave/core';

/**
 * Failures talking to Pacifica, typed so that callers (retry loop, order circuit breaker) can tell
 * "the exchange said no" (never retried) from "the exchange could not answer" (retryable).
 * Messages carry the exchange's own error text, never a request body, key or signature.
 */
export abstract class ExchangeError extends Error {
  abstract readonly retryable: boolean;

  constructor(message: string) {
    super(redactSecrets(message));
    this.name = new.target.name;
  }
}

/** 4xx other than 429: validation, signature, business rule. Retrying the same request cannot help. */
export class ExchangeRejectedError extends ExchangeError {
  readonly retryable = false;

  constructor(
    readonly status: number,
    readonly code: number | null,
    message: string,
  ) {
    super(message);
  }

  /** Pacifica's codes are not consistent across endpoints, so the text decides. */
  get isOrderNotFound(): boolean {
    return /order not found/i.test(this.message);
  }
}

/** 429: the request was refused before it was processed; retry after `retryAfterMs`. */
export class ExchangeRateLimitedError extends ExchangeError {
  readonly retryable = true;
  readonly status = 429;

  constructor(
    message: string,
    readonly retryAfterMs: number | null,
  ) {
    super(message);
  }
}

export type UnavailableReason = 'http' | 'timeout' | 'network';

/** 5xx, timeout or connection failure: the request may or may not have been applied. */
export class ExchangeUnavailableError extends ExchangeError {
  readonly retryable = true;

  constructor(
    readonly reason: UnavailableReason,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

/** A 2xx answer whose shape does not match the API specification. Not retried. */
export class ExchangeResponseInvalidError extends ExchangeError {
  readonly retryable = false;

  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`Unexpected response from ${path}: ${detail}`);
  }
}

export type PacificaOrderErrorCode =
  | 'UNKNOWN_MARKET'
  | 'AMOUNT_BELOW_LOT'
  | 'NOTIONAL_TOO_SMALL'
  | 'NOTIONAL_TOO_LARGE'
  | 'PRICE_OUT_OF_RANGE'
  | 'INVALID_DECIMAL'
  | 'INVALID_ORDER'
  | 'BATCH_TOO_LARGE';

/** An order refused by the client before it is sent (rounding and market limits from /info). */
export class PacificaOrderError extends DomainError<PacificaOrderErrorCode> {}

export function isRetryableExchangeError(
  error: unknown,
): error is ExchangeRateLimitedError | ExchangeUnavailableError {
  return error instanceof ExchangeError && error.retryable;
}

/** Maps an HTTP error status and the exchange's message to the typed error. */
export function exchangeErrorFromStatus(
  status: number,
  message: string,
  code: number | null,
  retryAfterMs: number | null,
): ExchangeError {
  if (status === 429) {
    return new ExchangeRateLimitedError(message, retryAfterMs);
  }
  if (status >= 500) {
    return new ExchangeUnavailableError('http', `HTTP ${status}: ${message}`, status);
  }
  return new ExchangeRejectedError(status, code, message);
}

// Signatures and 64-byte secret keys are 86-88 base58 characters; addresses (32 bytes) stay readable.
const LONG_BASE58 = /[1-9A-HJ-NP-Za-km-z]{64,}/g;
const MAX_MESSAGE_LENGTH = 300;

function redactSecrets(message: string): string {
  const redacted = message.replace(LONG_BASE58, '[redacted]');
  return redacted.length > MAX_MESSAGE_LENGTH
    ? `${redacted.slice(0, MAX_MESSAGE_LENGTH)}…`
    : redacted;
}
