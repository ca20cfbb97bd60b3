import { signalExpired } from './signal-expiry';

const STORED = new Date('2026-01-15T10:00:00.000Z');
const at = (iso: string) => new Date(iso);

describe('signalExpired', () => {
  it.each([
    ['1h', '2026-01-15T10:59:59.999Z', false],
    ['1h', '2026-01-15T11:00:00.000Z', true],
    ['1m', '2026-01-15T10:00:59.999Z', false],
    ['1m', '2026-01-15T10:01:00.000Z', true],
    ['5m', '2026-01-15T10:00:00.000Z', false],
  ] as const)('a %s signal stored at 10:00 has expired at %s: %s', (timeframe, now, expired) => {
    expect(signalExpired(STORED, timeframe, at(now))).toBe(expired);
  });
});
