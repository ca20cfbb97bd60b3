import {
  ExchangeRateLimitedError,
  ExchangeResponseInvalidError,
  PacificaOrderError,
  ExchangeRejectedError as PacificaRejectedError,
  ExchangeUnavailableError as PacificaUnavailableError,
} from '@nexwave/pacifica';

import {
  ExchangeRejectedError,
  ExchangeUnavailableError,
} from '../../application/ports/exchange.errors';
import { toPortError } from './pacifica-exchange.errors';

describe('toPortError', () => {
  it.each([
    [
      'a 4xx business refusal',
      new PacificaRejectedError(400, 3, 'Insufficient balance'),
      ExchangeRejectedError,
      '3',
    ],
    [
      'a 4xx without a code',
      new PacificaRejectedError(403, null, 'Invalid signature'),
      ExchangeRejectedError,
      'HTTP_403',
    ],
    [
      'an order refused before sending',
      new PacificaOrderError('AMOUNT_BELOW_LOT', 'below the lot'),
      ExchangeRejectedError,
      'AMOUNT_BELOW_LOT',
    ],
    [
      'a 5xx',
      new PacificaUnavailableError('http', 'HTTP 503: down', 503),
      ExchangeUnavailableError,
      undefined,
    ],
    [
      'a timeout',
      new PacificaUnavailableError('timeout', 'timed out'),
      ExchangeUnavailableError,
      undefined,
    ],
    [
      'a 429 after the retries',
      new ExchangeRateLimitedError('slow down', 1_000),
      ExchangeUnavailableError,
      undefined,
    ],
    [
      'an answer of the wrong shape',
      new ExchangeResponseInvalidError('/orders/create', 'order_id: missing'),
      ExchangeUnavailableError,
      undefined,
    ],
    ['anything else', new TypeError('fetch failed'), ExchangeUnavailableError, undefined],
  ])('maps %s', (_what, error, kind, code) => {
    const mapped = toPortError(error);
    expect(mapped).toBeInstanceOf(kind);
    expect('code' in mapped ? [mapped.code, mapped.reason] : undefined).toEqual(
      code === undefined ? undefined : [code, error.message],
    );
  });
});
