import { candleRequest, DEFAULT_CANDLE_LIMIT, MAX_CANDLE_LIMIT } from './candle-request';
import type { CandlesErrorCode } from './candles.errors';

function codeOf(action: () => unknown): CandlesErrorCode | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    return (error as { code: CandlesErrorCode }).code;
  }
}

const from = new Date('2025-01-01T00:00:00Z');
const to = new Date('2025-01-02T00:00:00Z');

describe('candleRequest', () => {
  it('defaults the limit and keeps the range', () => {
    expect(candleRequest({ symbol: 'kBONK', timeframe: '1h', from, to })).toEqual({
      symbol: 'kBONK',
      timeframe: '1h',
      from,
      to,
      limit: DEFAULT_CANDLE_LIMIT,
    });
  });

  it.each([1, 42, MAX_CANDLE_LIMIT])('accepts limit %d', (limit) => {
    expect(candleRequest({ symbol: 'BTC', timeframe: '1m', limit }).limit).toBe(limit);
  });

  it('accepts an empty range (from = to)', () => {
    expect(candleRequest({ symbol: 'BTC', timeframe: '1m', from, to: from }).to).toEqual(from);
  });

  it.each([
    [{ timeframe: '2h' }, 'UNKNOWN_TIMEFRAME'],
    [{ limit: 0 }, 'INVALID_LIMIT'],
    [{ limit: MAX_CANDLE_LIMIT + 1 }, 'INVALID_LIMIT'],
    [{ limit: 1.5 }, 'INVALID_LIMIT'],
    [{ from: to, to: from }, 'INVALID_RANGE'],
    [{ from: new Date(Number.NaN) }, 'INVALID_RANGE'],
    [{ to: new Date('+010000-01-01T00:00:00Z') }, 'INVALID_RANGE'],
    [{ symbol: 'BTC\u0000' }, 'INVALID_SYMBOL'],
    [{ symbol: 'B'.repeat(33) }, 'INVALID_SYMBOL'],
    [{ symbol: '' }, 'INVALID_SYMBOL'],
  ])('rejects %p with %s', (override, code) => {
    expect(codeOf(() => candleRequest({ symbol: 'BTC', timeframe: '1m', ...override }))).toBe(code);
  });

  function errorOf(override: object): { message: string; details: object } {
    try {
      candleRequest({ symbol: 'BTC', timeframe: '1m', ...override });
    } catch (error) {
      return error as { message: string; details: object };
    }
    throw new Error('no error');
  }

  it('tells the caller what was wrong, with the numbers', () => {
    expect(errorOf({ symbol: '' }).message).toBe(
      'symbol must be an exchange symbol like BTC or kBONK (letters, digits, _ or -, at most 32)',
    );
    expect(errorOf({ limit: 0 })).toMatchObject({
      message: `limit must be an integer from 1 to ${MAX_CANDLE_LIMIT}, got 0`,
      details: { limit: 0, max: MAX_CANDLE_LIMIT },
    });
    expect(errorOf({ from: new Date(Number.NaN) }).message).toBe(
      'from must be a date-time in years 1 to 9999',
    );
    expect(errorOf({ to: new Date(Number.NaN) }).message).toBe(
      'to must be a date-time in years 1 to 9999',
    );
    expect(errorOf({ from: to, to: from })).toMatchObject({
      message: 'from must not be after to',
      details: { from: to.toISOString(), to: from.toISOString() },
    });
  });
});
