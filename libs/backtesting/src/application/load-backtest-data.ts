import type { MarketRules } from '@nexwave/orders';
import type { Candle } from '@nexwave/strategy';

import type { BacktestRequest } from '../domain/backtest-request';
import type { BacktestDataPort } from './ports/backtest-data.port';

export interface BacktestData {
  readonly markets: Record<string, MarketRules>;
  /** One array per symbol of the request, in its order, each in time order. */
  readonly series: Candle[][];
}

/** The markets and the closed candles of every symbol of `[from, to)`: what a run replays. */
export async function loadBacktestData(
  data: BacktestDataPort,
  request: Pick<BacktestRequest, 'symbols' | 'timeframe' | 'from' | 'to'>,
): Promise<BacktestData> {
  const markets = await data.markets(request.symbols);
  const series: Candle[][] = [];
  for (const symbol of request.symbols) {
    series.push(await data.candles(symbol, request.timeframe, request.from, request.to));
  }
  return { markets, series };
}
