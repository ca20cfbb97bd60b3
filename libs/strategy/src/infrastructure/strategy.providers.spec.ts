import { loadConfig } from '@nexwave/config';

import { StrategyError } from '../domain/strategy.errors';
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

  it('refuses to start on invalid parameters, naming them', () => {
    const start = () => runtime({ STRATEGY_PARAMETERS: '{"lookback":1,"colour":"red"}' });

    expect(start).toThrow(StrategyError);
    expect(start).toThrow(/invalid parameters for mean_reversion/);
  });
});
