import { z } from 'zod';

import { boolean, concern, csv, jsonObject, positiveNumber, url, variable } from './variable';

export const tradingConcern = concern({
  variables: {
    PAPER_TRADING: variable(boolean, {
      doc: 'Simulate fills instead of sending orders. Live trading needs false and a key.',
      default: 'true',
    }),
    PAPER_STARTING_BALANCE_USD: variable(positiveNumber, {
      doc: 'USD the paper exchange starts with; it then moves by realised PnL and fees.',
      default: '100000',
    }),
    PAPER_BOOK_MAX_AGE_SECONDS: variable(positiveNumber, {
      doc: 'The paper exchange refuses orders when the newest book of the market is older than this.',
      default: '30',
    }),
    PORTFOLIO_VALUE: variable(positiveNumber, {
      doc: 'Starting portfolio value in USD used for sizing and risk.',
      default: '100000',
    }),
    STRATEGY: variable(
      z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a strategy name (a-z, 0-9, _)'),
      {
        doc: 'Strategy the trading engine runs: a name in the strategy registry (mean_reversion, ma_crossover); the engine refuses to start on any other, listing them.',
        default: 'mean_reversion',
      },
    ),
    STRATEGY_ID: variable(z.string().min(1), {
      doc: 'Id recorded on orders and positions of this strategy instance.',
      default: 'mean_reversion_1',
    }),
    STRATEGY_PARAMETERS: variable(jsonObject.optional(), {
      doc: 'Parameters of this strategy instance as a JSON object (e.g. {"timeframe":"1m","lookback":20}); the strategy checks them at start-up. Unset: its defaults.',
    }),
    MARKET_DATA_API_URL: variable(url.optional(), {
      doc: 'Root of the REST API serving market data (e.g. http://127.0.0.1:3000): the trading engine warms its strategy up from its candles at start-up, retrying in the background until it answers. Unset: the all-in-one app reads its own server; the trading-engine app warms up on live candles.',
    }),
    RECONCILE_INTERVAL_SECONDS: variable(positiveNumber, {
      doc: 'Pause between two order reconciliations with the exchange (one also runs at start-up).',
      default: '60',
    }),
    SYMBOLS: variable(csv.optional(), {
      doc: 'Comma-separated markets (case-sensitive, e.g. BTC,ETH,kBONK). Unset: every listed market.',
    }),
  },
  build: (v) => ({
    paperTrading: v.PAPER_TRADING,
    paperStartingBalanceUsd: v.PAPER_STARTING_BALANCE_USD,
    paperBookMaxAgeMs: v.PAPER_BOOK_MAX_AGE_SECONDS * 1000,
    portfolioValueUsd: v.PORTFOLIO_VALUE,
    strategy: v.STRATEGY,
    strategyId: v.STRATEGY_ID,
    strategyParameters: v.STRATEGY_PARAMETERS ?? {},
    marketDataApiUrl: v.MARKET_DATA_API_URL,
    symbols: v.SYMBOLS,
    reconcileIntervalMs: v.RECONCILE_INTERVAL_SECONDS * 1_000,
  }),
});
