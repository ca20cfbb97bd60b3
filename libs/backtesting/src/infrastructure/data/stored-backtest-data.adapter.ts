import type { DataSource } from 'typeorm';

import { TypeOrmCandleReadModel } from '@nexwave/market-data';
import type { MarketRules } from '@nexwave/orders';
import type { PacificaRestClient } from '@nexwave/pacifica';
import { TIMEFRAME_MS, type Candle, type Timeframe } from '@nexwave/strategy';

import { BacktestDataPort } from '../../application/ports/backtest-data.port';
import { BacktestingError } from '../../domain/backtesting.errors';

/**
 * Candles from market-data's `candles_<tf>_ohlcv` views, and lot and tick sizes from the
 * exchange's `/info` (the simulator in the all-in-one app), as the live engine reads them.
 */
export class StoredBacktestDataAdapter extends BacktestDataPort {
  private readonly candleViews: TypeOrmCandleReadModel;

  constructor(
    dataSource: DataSource,
    private readonly exchange: Pick<PacificaRestClient, 'getMarkets'>,
  ) {
    super();
    this.candleViews = new TypeOrmCandleReadModel(dataSource);
  }

  /** Buckets in `[from, to)`: opening at or after `from`, closed by `to`. */
  async candles(symbol: string, timeframe: Timeframe, from: Date, to: Date): Promise<Candle[]> {
    const rows = await this.candleViews.candles({
      symbol,
      timeframe,
      from,
      to: new Date(to.getTime() - 1),
      limit: Math.ceil((to.getTime() - from.getTime()) / TIMEFRAME_MS[timeframe]) + 1,
    });
    const tf = TIMEFRAME_MS[timeframe];
    // Only buckets that closed by `to`: a strategy never sees a candle still open.
    const closed = rows.filter((row) => Date.parse(row.time) + tf <= to.getTime());
    return closed.reverse().map((row) => ({
      symbol,
      timeframe,
      bucketStart: new Date(row.time),
      open: row.open,
      high: row.high,
      low: row.low,
      close: row.close,
      volume: row.volume,
    }));
  }

  async markets(symbols: readonly string[]): Promise<Record<string, MarketRules>> {
    const listed = new Map((await this.exchange.getMarkets()).map((m) => [m.symbol, m]));
    const rules: Record<string, MarketRules> = {};
    for (const symbol of symbols) {
      const market = listed.get(symbol);
      if (market === undefined) {
        throw new BacktestingError('INVALID_REQUEST', `the exchange lists no market ${symbol}`, {
          field: 'symbols',
        });
      }
      rules[symbol] = { lotSize: market.lotSize, tickSize: market.tickSize };
    }
    return rules;
  }
}
