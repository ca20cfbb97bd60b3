import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CandleAggregatesPort } from '../../application/ports/candle-aggregates.port';
import { REFRESH_WINDOW_MS } from '../../domain/settled-candles';
import {
  CANDLE_AGGREGATES,
  REFRESH_CANDLE_AGGREGATE,
  type CandleAggregate,
} from './market-data.sql';

const DAY_MS = 86_400_000;

/** How far back each routine refresh reaches: the start_offset of the level's refresh policy. */
const LOOKBACK_MS: Record<CandleAggregate, number> = {
  candles_1m: REFRESH_WINDOW_MS['1m'],
  candles_5m: REFRESH_WINDOW_MS['5m'],
  candles_15m: REFRESH_WINDOW_MS['15m'],
  candles_1h: REFRESH_WINDOW_MS['1h'],
  candles_4h: REFRESH_WINDOW_MS['4h'],
  candles_1d: REFRESH_WINDOW_MS['1d'],
};

/**
 * Does what TimescaleDB's refresh policies do on a server, for the embedded database, where
 * background jobs never run: refreshes the aggregates bottom-up (each level reads the one below).
 * The first successful run refreshes all history, so data older than the lookback that was never
 * materialized does not fall out of the views; later runs refresh only the recent window.
 * Real-time aggregation keeps the newest buckets right in between.
 */
@Injectable()
export class CandleRefresher extends CandleAggregatesPort {
  private readonly logger = new Logger(CandleRefresher.name);
  private caughtUp = false;

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  /**
   * Refreshes every level up to `now` (only complete buckets are materialized). Stops at the first
   * failure, since the levels above would roll up stale data, logs it and returns false: the next
   * run retries.
   */
  async refresh(now: Date): Promise<boolean> {
    const caughtUp = this.caughtUp;
    const done = await this.refreshLevels(
      (aggregate) => (caughtUp ? new Date(now.getTime() - LOOKBACK_MS[aggregate]) : null),
      now,
    );
    this.caughtUp ||= done;
    return done;
  }

  /** From the start of the UTC day of `from`: every level's buckets there are whole. */
  refreshSince(from: Date, now: Date): Promise<boolean> {
    const day = new Date(Math.floor(from.getTime() / DAY_MS) * DAY_MS);
    return this.refreshLevels(() => day, now);
  }

  private async refreshLevels(
    start: (aggregate: CandleAggregate) => Date | null,
    now: Date,
  ): Promise<boolean> {
    for (const aggregate of CANDLE_AGGREGATES) {
      try {
        await this.dataSource.query(REFRESH_CANDLE_AGGREGATE, [aggregate, start(aggregate), now]);
      } catch (error) {
        this.logger.error(
          { err: error, aggregate },
          `refreshing ${aggregate} failed; retried at the next run`,
        );
        return false;
      }
    }
    return true;
  }
}
