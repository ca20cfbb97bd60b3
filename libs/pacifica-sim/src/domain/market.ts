/** A listed perpetual market, as `/info` describes it, plus what drives its synthetic book. */
export interface MarketSpec {
  symbol: string;
  tickSize: string;
  lotSize: string;
  minTick: string;
  maxTick: string;
  maxLeverage: number;
  minOrderSize: string;
  maxOrderSize: string;
  /** Starting mid price of the random walk. */
  initialPrice: string;
  /** Standard deviation of one walk step, as a fraction of the price. */
  volatility: number;
  /** Typical USD notional quoted at one synthetic level. */
  levelNotionalUsd: number;
  /** Distance between synthetic levels, in ticks. */
  levelStepTicks: number;
}

const COMMON = {
  minTick: '0',
  maxTick: '1000000',
  minOrderSize: '10',
  maxOrderSize: '5000000',
  // About 3% a day at one step per 100 ms: calm enough that a whale a few levels from the touch
  // stays on the book for a while, as real ones do.
  volatility: 0.00003,
} as const;

export const DEFAULT_MARKETS: readonly MarketSpec[] = [
  {
    ...COMMON,
    symbol: 'BTC',
    tickSize: '1',
    lotSize: '0.00001',
    maxLeverage: 50,
    initialPrice: '100000',
    levelNotionalUsd: 40_000,
    levelStepTicks: 10,
  },
  {
    ...COMMON,
    symbol: 'ETH',
    tickSize: '0.1',
    lotSize: '0.0001',
    maxLeverage: 50,
    initialPrice: '3500',
    levelNotionalUsd: 25_000,
    levelStepTicks: 5,
  },
  {
    ...COMMON,
    symbol: 'SOL',
    tickSize: '0.01',
    lotSize: '0.01',
    maxLeverage: 20,
    initialPrice: '150',
    levelNotionalUsd: 15_000,
    levelStepTicks: 5,
  },
  {
    ...COMMON,
    symbol: 'kBONK',
    tickSize: '0.000001',
    lotSize: '10',
    maxLeverage: 10,
    initialPrice: '0.02',
    levelNotionalUsd: 5_000,
    levelStepTicks: 10,
  },
];
