import { ConfigError, loadConfig } from '@nexwave/config';

import { strategyRuntime } from './strategy.providers';

describe('strategyRuntime', () => {
  const runtime = (env: Record<string, string>) =>
    strategyRuntime(loadConfig('trading-engine', env));

  it('builds the configured instance with its parameters and starting equity', () => {
    const built = runtime({
      STRATEGY_ID: 'mr_fast',
      STRATEGY_PARAMETERS: '{"timeframe":"1m","lookback":5}',
      PORTFOLIO_VALUE: '2500',
    });

    expect(built.strategyId).toBe('mr_fast');
    expect(built.strategy).toMatchObject({
      name: 'mean_reversion',
      timeframe: '1m',
      warmUpCandles: 5,
    });
    expect(built.book.equityUsd().toFixed()).toBe('2500');
    expect(built.settings.paperTrading).toBe(true);
  });

  it('runs every registered strategy', () => {
    expect(runtime({ STRATEGY: 'ma_crossover' }).strategy.name).toBe('ma_crossover');
  });

  it('refuses to start on an unknown STRATEGY, listing the registered ones', () => {
    const start = () => runtime({ STRATEGY: 'momentum' });

    expect(start).toThrow(ConfigError);
    expect(start).toThrow(
      'Invalid configuration: STRATEGY is invalid: no strategy is named "momentum" (registered: mean_reversion, ma_crossover)',
    );
  });

  it('refuses to start on invalid STRATEGY_PARAMETERS, naming each parameter', () => {
    const start = () => runtime({ STRATEGY_PARAMETERS: '{"lookback":1,"colour":"red"}' });

    expect(start).toThrow(ConfigError);
    expect(start).toThrow(
      /^Invalid configuration: STRATEGY_PARAMETERS is invalid for mean_reversion: /,
    );
    expect(start).toThrow(/lookback: .*>=2/);
    expect(start).toThrow(/colour/);
  });
});
