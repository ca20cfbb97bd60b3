import { isUuid } from '@nexwave/core';

import { signalClientOrderId } from './signal-client-order-id';

describe('signalClientOrderId', () => {
  const bucket = new Date('2026-01-15T10:00:00.000Z');

  it('is a version 5 UUID that a replay of the same candle reproduces', () => {
    const id = signalClientOrderId('mr_1', 'BTC', 'entry', bucket);
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('5');
    expect(signalClientOrderId('mr_1', 'BTC', 'entry', new Date(bucket))).toBe(id);
  });

  it.each([
    ['another instance', () => signalClientOrderId('mr_2', 'BTC', 'entry', bucket)],
    ['another symbol', () => signalClientOrderId('mr_1', 'ETH', 'entry', bucket)],
    ['another intent', () => signalClientOrderId('mr_1', 'BTC', 'exit', bucket)],
    [
      'another candle',
      () => signalClientOrderId('mr_1', 'BTC', 'entry', new Date('2026-01-15T11:00:00.000Z')),
    ],
  ])('differs for %s', (_name, other) => {
    expect(other()).not.toBe(signalClientOrderId('mr_1', 'BTC', 'entry', bucket));
  });
});
