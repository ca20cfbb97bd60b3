import { startAllInOne, type AllInOne } from './all-in-one';

/** The README's strategy demo: 1m candles, a window of 3, and a volatile simulated walk. */
export const DEMO_PARAMETERS = {
  timeframe: '1m',
  lookback: 3,
  entryStdDevs: 0.5,
  exitStdDevs: 0,
  stopLossPct: 1,
  takeProfitPct: 1,
  whaleMaxAgeMinutes: 1,
} as const;
export const DEMO_ADMIN_API_KEY = `nxk_0123456789abcdef_${'A'.repeat(43)}`;

export type DemoApp = AllInOne;

/** The all-in-one app running the demo strategy on its simulator; `env` adds to (or overrides) the demo's settings. */
export function startDemoApp(
  env: Record<string, string> = {},
  healthTimeoutMs = 120_000,
): Promise<DemoApp> {
  return startAllInOne(
    {
      STRATEGY_ID: 'demo',
      STRATEGY_PARAMETERS: JSON.stringify(DEMO_PARAMETERS),
      SIM_VOLATILITY: '0.0005',
      ADMIN_API_KEY: DEMO_ADMIN_API_KEY,
      ...env,
    },
    healthTimeoutMs,
  );
}
