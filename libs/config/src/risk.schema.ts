import { concern, positiveNumber, variable } from './variable';

export const riskConcern = concern({
  variables: {
    MAX_POSITION_SIZE_USD: variable(positiveNumber, {
      doc: 'Largest position per symbol, in USD notional.',
      default: '1000000',
    }),
    MAX_LEVERAGE: variable(positiveNumber, {
      doc: 'Gross exposure / portfolio value must stay below this.',
      default: '5',
    }),
    DAILY_LOSS_LIMIT_PCT: variable(positiveNumber, {
      doc: 'Trading stops for the UTC day after this loss, in % of portfolio.',
      default: '5',
    }),
    MIN_ORDER_SIZE_USD: variable(positiveNumber, {
      doc: 'Smallest order notional.',
      default: '10',
    }),
    MAX_ORDER_SIZE_USD: variable(positiveNumber, {
      doc: 'Largest order notional.',
      default: '100000',
    }),
  },
  check: (v) =>
    v.MIN_ORDER_SIZE_USD >= v.MAX_ORDER_SIZE_USD
      ? ['MIN_ORDER_SIZE_USD must be below MAX_ORDER_SIZE_USD']
      : [],
  build: (v) => ({
    maxPositionUsd: v.MAX_POSITION_SIZE_USD,
    maxLeverage: v.MAX_LEVERAGE,
    dailyLossLimitPct: v.DAILY_LOSS_LIMIT_PCT,
    minOrderUsd: v.MIN_ORDER_SIZE_USD,
    maxOrderUsd: v.MAX_ORDER_SIZE_USD,
  }),
});
