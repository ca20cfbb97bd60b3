import { concern, positiveNumber, variable } from './variable';

export const riskConcern = concern({
  variables: {
    MAX_POSITION_SIZE_USD: variable(positiveNumber, {
      doc: 'Largest position per symbol after an order, USD notional at the order price (inclusive).',
      default: '1000000',
    }),
    MAX_LEVERAGE: variable(positiveNumber, {
      doc: 'Gross exposure / equity after an order must stay strictly below this.',
      default: '5',
    }),
    DAILY_LOSS_LIMIT_PCT: variable(positiveNumber, {
      doc: "No new entries for the rest of the UTC day once its loss reaches this % of the day's starting equity (exits stay allowed).",
      default: '5',
    }),
    MIN_ORDER_SIZE_USD: variable(positiveNumber, {
      doc: 'Smallest order notional, USD (inclusive).',
      default: '10',
    }),
    MAX_ORDER_SIZE_USD: variable(positiveNumber, {
      doc: 'Largest order notional, USD (inclusive).',
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
