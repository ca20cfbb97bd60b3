import type { Repository } from 'typeorm';

import {
  ImpactStorePort,
  type ActivityAwaitingImpact,
  type ImpactMeasurement,
} from '../../application/ports/impact-store.port';
import { IMPACT_HORIZONS_MINUTES, type ImpactHorizon } from '../../domain/market-impact';
import type { BookSide } from '../../domain/order-book';
import type { WhaleActivityEntity } from './whale-activity.entity';
import { SCHEDULE_IMPACT, SELECT_AWAITING_IMPACT, UPDATE_IMPACT } from './whales.sql';

interface AwaitingRow {
  activity_id: string;
  symbol: string;
  side: BookSide;
  detected_at: Date;
  price_at_detection: string;
  has_1m: boolean;
  has_5m: boolean;
  has_15m: boolean;
  has_60m: boolean;
  impact_missed: number[];
}

/** Impact columns of whale_activities, in SQL (array appends, COALESCE per horizon, conditional schedule). */
export class TypeOrmImpactStore extends ImpactStorePort {
  constructor(private readonly activities: Repository<WhaleActivityEntity>) {
    super();
  }

  async schedule(storedId: string, dueAt: Date): Promise<void> {
    await this.activities.query(SCHEDULE_IMPACT, [storedId, dueAt]);
  }

  async awaitingImpact(dueBy: Date, limit: number): Promise<ActivityAwaitingImpact[]> {
    const rows = await this.activities.query<AwaitingRow[]>(SELECT_AWAITING_IMPACT, [dueBy, limit]);
    return rows.map((row) => {
      const measured = [row.has_1m, row.has_5m, row.has_15m, row.has_60m];
      const missed = row.impact_missed.map(Number);
      return {
        storedId: row.activity_id,
        symbol: row.symbol,
        side: row.side,
        detectedAt: row.detected_at,
        priceAtDetection: row.price_at_detection,
        settled: IMPACT_HORIZONS_MINUTES.filter(
          (horizon, i) => measured[i] || missed.includes(horizon),
        ),
      };
    });
  }

  async saveImpact(storedId: string, measurement: ImpactMeasurement): Promise<void> {
    const bps = (horizon: ImpactHorizon) =>
      measurement.measured.find((m) => m.horizon === horizon)?.bps ?? null;
    await this.activities.query(UPDATE_IMPACT, [
      storedId,
      ...IMPACT_HORIZONS_MINUTES.map(bps),
      measurement.missed,
      measurement.done,
      measurement.nextDueAt,
    ]);
  }
}
