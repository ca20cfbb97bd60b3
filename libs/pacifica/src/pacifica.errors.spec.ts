import { unwrapEnvelope } from './api/envelope.schema';
import {
  exchangeErrorFromStatus,
  ExchangeRateLimitedError,
  ExchangeRejectedError,
  ExchangeUnavailableError,
  isRetryableExchangeError,
} from './pacifica.errors';

describe('exchangeErrorFromStatus', () => {
  it.each([
    [400, ExchangeRejectedError, false],
    [403, ExchangeRejectedError, false],
    [422, ExchangeRejectedError, false],
    [429, ExchangeRateLimitedError, true],
    [500, ExchangeUnavailableError, true],
    [503, ExchangeUnavailableError, true],
    [504, ExchangeUnavailableError, true],
  ] as const)('HTTP %i', (status, type, retryable) => {
    const error = exchangeErrorFromStatus(status, 'boom', null, null);
    expect(error).toBeInstanceOf(type);
    expect(isRetryableExchangeError(error)).toBe(retryable);
  });

  it('keeps status, business code and message of a rejection', () => {
    const error = exchangeErrorFromStatus(422, 'Insufficient balance', 4, null);
    expect(error).toMatchObject({ status: 422, code: 4, message: 'Insufficient balance' });
  });

  it('recognises "Order not found" by its text', () => {
    expect(new ExchangeRejectedError(422, 5, 'Order not found').isOrderNotFound).toBe(true);
    expect(new ExchangeRejectedError(422, 5, 'Insufficient balance').isOrderNotFound).toBe(false);
  });

  it('redacts anything shaped like a signature or secret key', () => {
    const signature =
      'e7T3PFGbuo4SqbAf8PSJ7EUXq3iybaFhFZ8RPwLLbWNJ62VSTAWR5omUS9eViZ6ZdYSyTjfjcBFA3whML2NUMLA';
    const error = exchangeErrorFromStatus(400, `bad signature ${signature}`, null, null);
    expect(error.message).toBe('bad signature [redacted]');
  });
});

describe('unwrapEnvelope', () => {
  it('returns data and the fields beside it', () => {
    expect(
      unwrapEnvelope('{"success":true,"data":[1],"error":null,"code":null,"has_more":true}'),
    ).toEqual({ ok: true, data: [1], meta: { has_more: true }, error: null, code: null });
  });

  it('reads a failure', () => {
    expect(
      unwrapEnvelope('{"success":false,"data":null,"error":"Order not found","code":5}'),
    ).toMatchObject({ ok: false, error: 'Order not found', code: 5 });
  });

  it('treats a bare non-JSON body as the error text', () => {
    expect(unwrapEnvelope('Verification failed')).toMatchObject({
      ok: false,
      error: 'Verification failed',
    });
  });

  it('passes a bare JSON object through as data', () => {
    expect(unwrapEnvelope('{"order_id":7}')).toMatchObject({ ok: true, data: { order_id: 7 } });
  });
});
