import { walkCandles } from '@nexwave/backtest';
import { TIMEFRAME_MS } from '@nexwave/strategy';

import { loadBacktestData, type BacktestData } from '../application/load-backtest-data';
import type { BacktestRequest } from '../domain/backtest-request';
import { StoredBacktestDataAdapter } from '../infrastructure/data/stored-backtest-data.adapter';
import type { CandleSource } from './source-args';
import { exchangeClient, withStoredData, type NexwaveConfig } from './stored-data';

/** The simulated markets' lot and tick sizes. */
const SIM_MARKET = { lotSize: '0.00001', tickSize: '0.01' } as const;
/** A simulated candle's volatility: 0.1 % a minute, scaled by the square root of its minutes. */
const SIM_VOLATILITY_PER_MINUTE = 0.001;

/** The markets and candles a request replays: stored ones (as `npm run backtest`), or a walk. */
export function loadCandles(
  source: CandleSource,
  request: BacktestRequest,
  config: () => NexwaveConfig,
): Promise<BacktestData> {
  switch (source.kind) {
    case 'stored': {
      const loaded = config();
      return withStoredData(loaded, (dataSource) =>
        loadBacktestData(
          new StoredBacktestDataAdapter(dataSource, exchangeClient(loaded)),
          request,
        ),
      );
    }
    case 'sim':
      return Promise.resolve(simulatedData(source.seed, request));
  }
}

/** Every symbol of the request on its own seeded random walk over `[from, to)`, from 50,000. */
export function simulatedData(seed: number, request: BacktestRequest): BacktestData {
  const frame = TIMEFRAME_MS[request.timeframe];
  const count = Math.floor((request.to.getTime() - request.from.getTime()) / frame);
  const volatility = SIM_VOLATILITY_PER_MINUTE * Math.sqrt(frame / 60_000);
  return {
    markets: Object.fromEntries(request.symbols.map((symbol) => [symbol, SIM_MARKET])),
    series: request.symbols.map((symbol) =>
      walkCandles(seed, count, {
        symbol,
        timeframe: request.timeframe,
        volatility,
        from: request.from.getTime(),
      }),
    ),
  };
}
