import { Logger } from '@nestjs/common';

import {
  IMPACT_HORIZONS_MINUTES,
  impactBps,
  impactDueAt,
  pendingImpactHorizons,
  type ImpactHorizon,
} from '../../domain/market-impact';
import { ImpactStorePort, type ActivityAwaitingImpact } from '../ports/impact-store.port';
import { TradePriceLogPort } from '../ports/trade-price-log.port';

export interface ImpactMeasurerOptions {
  /** A horizon is measured this long after it falls due, so late-read trades are in. */
  readonly settleMs: number;
  /** A horizon with no trade at or before it this long after it fell due is given up. */
  readonly giveUpAfterMs: number;
  /** Activities looked at per round. */
  readonly batchSize: number;
  /** Trade prices older than this are deleted: every horizon is settled long before. */
  readonly priceRetentionMs: number;
}

export const DEFAULT_IMPACT_OPTIONS: ImpactMeasurerOptions = {
  settleMs: 5_000,
  giveUpAfterMs: 10 * 60_000,
  batchSize: 200,
  priceRetentionMs: 6 * 60 * 60_000,
};

export interface ImpactRound {
  readonly activities: number;
  readonly measured: number;
  readonly missed: number;
}

/**
 * Stores the price move 1, 5, 15 and 60 minutes after each detection. Prices come from the
 * tracker's own trade price log (fed by market-data's trades streams): the last trade at or before
 * the horizon, against the last trade at or before the detection (the book mid at detection when
 * no trade came before it). Because the log is history, a horizon missed while the tracker was
 * down is still measured afterwards; it is given up only when the symbol has no trade at all by
 * then.
 */
export class ImpactMeasurer {
  private readonly logger = new Logger(ImpactMeasurer.name);
  private round?: Promise<ImpactRound>;

  constructor(
    private readonly store: ImpactStorePort,
    private readonly prices: TradePriceLogPort,
    private readonly options: ImpactMeasurerOptions = DEFAULT_IMPACT_OPTIONS,
  ) {}

  runOnce(now: Date): Promise<ImpactRound> {
    this.round ??= this.measureAll(now).finally(() => {
      this.round = undefined;
    });
    return this.round;
  }

  private async measureAll(now: Date): Promise<ImpactRound> {
    const settledNow = new Date(now.getTime() - this.options.settleMs);
    const detectedBefore = new Date(settledNow.getTime() - IMPACT_HORIZONS_MINUTES[0] * 60_000);
    const activities = await this.store.awaitingImpact(detectedBefore, this.options.batchSize);
    const round = { activities: activities.length, measured: 0, missed: 0 };
    for (const activity of activities) {
      const { measured, missed } = await this.measure(activity, settledNow);
      round.measured += measured;
      round.missed += missed;
    }
    await this.prices.forgetBefore(new Date(now.getTime() - this.options.priceRetentionMs));
    return round;
  }

  private async measure(
    activity: ActivityAwaitingImpact,
    now: Date,
  ): Promise<{ measured: number; missed: number }> {
    const { due, missed: late } = pendingImpactHorizons(
      activity.detectedAt,
      now,
      activity.settled,
      this.options.giveUpAfterMs,
    );
    if (due.length + late.length === 0) {
      return { measured: 0, missed: 0 };
    }
    const base =
      (await this.prices.lastPriceAt(activity.symbol, activity.detectedAt)) ??
      activity.priceAtDetection;
    const measured: { horizon: ImpactHorizon; bps: number }[] = [];
    const missed: ImpactHorizon[] = [];
    for (const horizon of [...due, ...late]) {
      const later = await this.prices.lastPriceAt(
        activity.symbol,
        impactDueAt(activity.detectedAt, horizon),
      );
      if (later !== null) {
        measured.push({ horizon, bps: impactBps(activity.side, base, later) });
      } else if (late.includes(horizon)) {
        missed.push(horizon);
      }
    }
    const settled = activity.settled.length + measured.length + missed.length;
    if (measured.length + missed.length > 0) {
      await this.store.saveImpact(activity.storedId, {
        measured,
        missed,
        done: settled === IMPACT_HORIZONS_MINUTES.length,
      });
    }
    if (missed.length > 0) {
      this.logger.warn(
        `No ${activity.symbol} trade to measure the ${missed.join('/')} min impact of whale activity ${activity.storedId}`,
      );
    }
    return { measured: measured.length, missed: missed.length };
  }
}
