import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { queryWithTimeout } from '@nexwave/database';

import type { Candle, LatestPrice } from '../../application/queries/candle-read-model.port';
import { CandleReadModelPort } from '../../application/queries/candle-read-model.port';
import type { CandleRequest } from '../../domain/candle-request';
import {
  SELECT_CANDLES,
  SELECT_LATEST_PRICES,
  SELECT_SYMBOL_EXISTS,
  SELECT_SYMBOLS,
} from './market-data.sql';

export interface CandleRow {
  time: Date;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
  vwap: string | null;
  trade_count: string;
}

interface LatestPriceRow {
  symbol: string;
  price: string;
  time: Date;
}

/** Candles from the `candles_<tf>_ohlcv` views and prices from `ticks`, in raw SQL. */
@Injectable()
export class TypeOrmCandleReadModel extends CandleReadModelPort {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async candles(request: CandleRequest): Promise<Candle[]> {
    const rows: CandleRow[] = await queryWithTimeout(
      this.dataSource,
      SELECT_CANDLES[request.timeframe],
      [request.symbol, request.from ?? null, request.to ?? null, request.limit],
    );
    return rows.map(toCandle);
  }

  async symbols(): Promise<string[]> {
    const rows: { symbol: string }[] = await queryWithTimeout(this.dataSource, SELECT_SYMBOLS);
    return rows.map((row) => row.symbol);
  }

  async isKnownSymbol(symbol: string): Promise<boolean> {
    const [row]: { known: boolean }[] = await queryWithTimeout(
      this.dataSource,
      SELECT_SYMBOL_EXISTS,
      [symbol],
    );
    return row?.known === true;
  }

  async latestPrices(): Promise<LatestPrice[]> {
    const rows: LatestPriceRow[] = await queryWithTimeout(this.dataSource, SELECT_LATEST_PRICES);
    return rows.map((row) => ({
      symbol: row.symbol,
      price: row.price,
      time: row.time.toISOString(),
    }));
  }
}

export function toCandle(row: CandleRow): Candle {
  return {
    time: row.time.toISOString(),
    open: row.open,
    high: row.high,
    low: row.low,
    close: row.close,
    volume: row.volume,
    vwap: row.vwap,
    tradeCount: Number(row.trade_count),
  };
}
