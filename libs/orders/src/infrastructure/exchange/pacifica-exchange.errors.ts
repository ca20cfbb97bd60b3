import {
  PacificaOrderError,
  ExchangeRejectedError as PacificaRejectedError,
} from '@nexwave/pacifica';

import {
  ExchangeRejectedError,
  ExchangeUnavailableError,
} from '../../application/ports/exchange.errors';

/**
 * The SDK's errors in the port's two kinds. Refused: a 4xx business answer, or an order the SDK
 * refused before sending (lot, tick, notional). Everything else (5xx, timeout, network, a 429
 * still refused after the SDK's retries, an answer of the wrong shape) leaves the request's fate
 * unknown: unavailable, which the breaker counts and reconciliation settles.
 */
export function toPortError(error: unknown): ExchangeRejectedError | ExchangeUnavailableError {
  if (error instanceof ExchangeRejectedError || error instanceof ExchangeUnavailableError) {
    return error;
  }
  if (error instanceof PacificaRejectedError) {
    return new ExchangeRejectedError(
      error.code === null ? `HTTP_${error.status}` : String(error.code),
      error.message,
    );
  }
  if (error instanceof PacificaOrderError) {
    return new ExchangeRejectedError(error.code, error.message);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ExchangeUnavailableError(`Pacifica: ${message}`, { cause: error });
}

/** Runs one exchange call and rethrows its failure as a port error. */
export async function asPortCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toPortError(error);
  }
}
