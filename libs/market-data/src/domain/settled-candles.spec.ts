import { settledBefore } from './settled-candles';

describe('settledBefore', () => {
  it.each([
    ['1m', '2026-01-10T12:34:56Z', '2026-01-10T09:34:00.000Z'],
    ['5m', '2026-01-10T12:34:56Z', '2026-01-10T00:30:00.000Z'],
    ['15m', '2026-01-10T12:34:56Z', '2026-01-09T12:30:00.000Z'],
    ['1h', '2026-01-10T12:34:56Z', '2026-01-03T12:00:00.000Z'],
    ['4h', '2026-01-10T12:34:56Z', '2025-12-11T12:00:00.000Z'],
    ['1d', '2026-01-10T12:34:56Z', '2025-10-12T00:00:00.000Z'],
  ] as const)('%s at %s: candles opening before %s', (timeframe, now, expected) => {
    expect(settledBefore(timeframe, new Date(now)).toISOString()).toBe(expected);
  });

  it('keeps the bucket holding now - window unsettled, on a bucket boundary too', () => {
    expect(settledBefore('1m', new Date('2026-01-10T12:00:00Z')).toISOString()).toBe(
      '2026-01-10T09:00:00.000Z',
    );
  });
});
