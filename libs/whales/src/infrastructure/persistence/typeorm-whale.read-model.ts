import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { queryWithTimeout } from '@nexwave/database';

import {
  WhaleReadModelPort,
  type ActivityFilter,
  type ImpactFilter,
  type WhaleActivityView,
  type WhaleImpactAverage,
} from '../../application/queries/whale-read-model.port';
import type { BookSide, Level } from '../../domain/order-book';
import type { WhaleKind } from '../../domain/whale-candidate';
import { SELECT_ACTIVITIES, SELECT_IMPACT_AVERAGES } from './whales.sql';

interface ActivityRow {
  id: string;
  symbol: string;
  side: BookSide;
  kind: WhaleKind;
  price_low: string;
  price_high: string;
  size: string;
  notional_usd: string;
  level_count: number;
  order_count: number;
  confidence: number;
  levels: Level[] | null;
  first_seen_at: Date;
  last_seen_at: Date;
  price_at_detection: string;
  impact_1m_bps: number | null;
  impact_5m_bps: number | null;
  impact_15m_bps: number | null;
  impact_60m_bps: number | null;
}

interface AverageRow {
  symbol: string;
  kind: WhaleKind;
  activities: number;
  measured_15m: number;
  avg_1m: number | null;
  avg_5m: number | null;
  avg_15m: number | null;
  avg_60m: number | null;
}

@Injectable()
export class TypeOrmWhaleReadModel extends WhaleReadModelPort {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async activities(filter: ActivityFilter): Promise<WhaleActivityView[]> {
    const rows = await queryWithTimeout<ActivityRow[]>(this.dataSource, SELECT_ACTIVITIES, [
      filter.symbol ?? null,
      filter.since ?? null,
      filter.minUsd ?? null,
      filter.kind ?? null,
      filter.limit,
      filter.offset,
    ]);
    return rows.map((row) => ({
      id: row.id,
      symbol: row.symbol,
      side: row.side,
      kind: row.kind,
      priceLow: row.price_low,
      priceHigh: row.price_high,
      size: row.size,
      notionalUsd: row.notional_usd,
      levelCount: row.level_count,
      orderCount: row.order_count,
      confidence: row.confidence,
      levels: row.levels ?? [],
      firstSeenAt: row.first_seen_at.toISOString(),
      lastSeenAt: row.last_seen_at.toISOString(),
      priceAtDetection: row.price_at_detection,
      impact1mBps: row.impact_1m_bps,
      impact5mBps: row.impact_5m_bps,
      impact15mBps: row.impact_15m_bps,
      impact60mBps: row.impact_60m_bps,
    }));
  }

  async impactAverages(filter: ImpactFilter): Promise<WhaleImpactAverage[]> {
    const rows = await queryWithTimeout<AverageRow[]>(this.dataSource, SELECT_IMPACT_AVERAGES, [
      filter.symbol ?? null,
      filter.since ?? null,
    ]);
    return rows.map((row) => ({
      symbol: row.symbol,
      kind: row.kind,
      activities: row.activities,
      measured15m: row.measured_15m,
      avgImpact1mBps: row.avg_1m,
      avgImpact5mBps: row.avg_5m,
      avgImpact15mBps: row.avg_15m,
      avgImpact60mBps: row.avg_60m,
    }));
  }
}
