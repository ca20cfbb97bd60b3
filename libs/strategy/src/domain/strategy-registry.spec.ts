import { MeanReversionStrategy } from './strategies/mean-reversion';
import { createStrategy, STRATEGIES, strategyNames, strategyParameters } from './strategy-registry';
import { StrategyError } from './strategy.errors';
import { bars } from './testing/candles';

function thrownBy(attempt: () => unknown): unknown {
  try {
    attempt();
  } catch (error) {
    return error;
  }
  throw new Error('expected it to throw');
}

describe('strategy registry', () => {
  it('lists every strategy under its own name, each valid with no parameters', () => {
    expect(strategyNames()).toEqual(['mean_reversion', 'ma_crossover']);
    Object.entries(STRATEGIES).forEach(([name, definition]) => {
      expect(definition.name).toBe(name);
      expect(createStrategy(name, `${name}-1`, {}).name).toBe(name);
    });
  });

  it.each([
    [
      'mean_reversion',
      undefined,
      {
        timeframe: '1h',
        lookback: 20,
        entryStdDevs: 2,
        exitStdDevs: 2,
        stopLossPct: 3,
        takeProfitPct: 5,
        positionPct: 10,
        whaleMaxAgeMinutes: 15,
        whaleMinNotionalUsd: 0,
      },
    ],
    [
      'mean_reversion',
      { lookback: 50, timeframe: '5m' },
      expect.objectContaining({ lookback: 50, timeframe: '5m', stopLossPct: 3 }),
    ],
    ['ma_crossover', {}, { timeframe: '1h', fastPeriod: 12, slowPeriod: 26, positionPct: 10 }],
  ])('fills the defaults of %s from %j', (name, raw, expected) => {
    expect(strategyParameters(name, raw)).toEqual(expected);
  });

  it('builds a configured instance', () => {
    const strategy = createStrategy('mean_reversion', 'mr-fast', { lookback: 5, timeframe: '1m' });
    expect(strategy).toBeInstanceOf(MeanReversionStrategy);
    expect([strategy.id, strategy.timeframe, strategy.warmUpCandles]).toEqual(['mr-fast', '1m', 5]);
    expect(
      strategy.onCandle(bars([1])[0], {
        positions: [],
        portfolio: { equityUsd: '1', cashUsd: '1' },
      }),
    ).toEqual([]);
  });

  it.each([
    ['an unknown name', 'grid', {}, 'UNKNOWN_STRATEGY', /no strategy is named grid/],
    ['a prototype key', 'toString', {}, 'UNKNOWN_STRATEGY', /no strategy is named toString/],
    ['a bad parameter', 'mean_reversion', { lookback: 1 }, 'INVALID_PARAMETERS', /parameters/],
    ['an unknown parameter', 'mean_reversion', { lookbak: 20 }, 'INVALID_PARAMETERS', /parameters/],
    ['crossed periods', 'ma_crossover', { fastPeriod: 30 }, 'INVALID_PARAMETERS', /parameters/],
  ])('refuses %s', (_name, name, raw, code, message) => {
    const error = thrownBy(() => createStrategy(name, 'x', raw));
    expect(error).toBeInstanceOf(StrategyError);
    expect(error).toMatchObject({ code, message: expect.stringMatching(message) as unknown });
  });

  it('names the invalid parameter in the details', () => {
    const error = thrownBy(() =>
      strategyParameters('mean_reversion', { lookback: 1, stopLossPct: -1 }),
    );
    expect(error).toBeInstanceOf(StrategyError);
    const { details } = error as StrategyError;
    expect(details.strategy).toBe('mean_reversion');
    expect(details.issues).toMatch(/^lookback: .*; stopLossPct: /);
  });
});
