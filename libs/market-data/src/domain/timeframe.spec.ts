import { CandlesError } from './candles.errors';
import { isTimeframe, parseTimeframe, TIMEFRAMES } from './timeframe';

describe('parseTimeframe', () => {
  it.each(TIMEFRAMES)('accepts %s', (timeframe) => {
    expect(parseTimeframe(timeframe)).toBe(timeframe);
  });

  it.each(['1H', '60m', '2m', '', ' 1m', '1w'])('rejects %p naming the allowed values', (value) => {
    expect(() => parseTimeframe(value)).toThrow(
      new CandlesError(
        'UNKNOWN_TIMEFRAME',
        `unknown timeframe '${value}': allowed 1m, 5m, 15m, 1h, 4h, 1d`,
      ),
    );
  });

  it('reports the code and the allowed values as details', () => {
    const error = (() => {
      try {
        parseTimeframe('3m');
      } catch (caught) {
        return caught as CandlesError;
      }
      throw new Error('parseTimeframe accepted 3m');
    })();
    expect(error.code).toBe('UNKNOWN_TIMEFRAME');
    expect(error.details).toEqual({ timeframe: '3m', allowed: '1m,5m,15m,1h,4h,1d' });
  });
});

describe('isTimeframe', () => {
  it('narrows only the exact names', () => {
    expect(TIMEFRAMES.filter(isTimeframe)).toEqual([...TIMEFRAMES]);
    expect(isTimeframe('1M')).toBe(false);
  });
});
