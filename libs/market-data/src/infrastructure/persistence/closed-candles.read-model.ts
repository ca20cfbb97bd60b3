import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { queryWithTimeout } from '@nexwave/database';

import { ClosedCandlesPort, type SymbolCandle } from '../../application/ports/closed-candles.port';
import type { ClosedBucket } from '../../domain/closed-buckets';
import { toCandle, type CandleRow } from './candles.read-model';
import { SELECT_BUCKET_CANDLES } from './market-data.sql';

/**
 * Reads the `candles_<tf>_ohlcv` views. Real-time aggregation answers for a bucket not yet
 * materialized, so this works whether the app (embedded) or TimescaleDB (a server) refreshes.
 */
@Injectable()
export class TypeOrmClosedCandles extends ClosedCandlesPort {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async candlesOf({ timeframe, start }: ClosedBucket): Promise<SymbolCandle[]> {
    const rows: (CandleRow & { symbol: string })[] = await queryWithTimeout(
      this.dataSource,
      SELECT_BUCKET_CANDLES[timeframe],
      [start],
    );
    return rows.map((row) => ({ symbol: row.symbol, ...toCandle(row) }));
  }
}
