import { CommandBus } from '@nestjs/cqrs';

import { pendingImpactHorizons } from '../../domain/market-impact';
import { ForgetTradePricesCommand } from '../commands/forget-trade-prices.command';
import { MeasureImpactCommand } from '../commands/measure-impact.command';
import { ImpactStorePort } from '../ports/impact-store.port';

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
 * The impact loop (a plain service): takes the activities whose measurement is due (scheduled by
 * the WhalesSaga on detection, moved on by each measurement) and dispatches a MeasureImpactCommand
 * for each, then forgets trade prices no horizon needs. The 1, 5, 15 and 60
 * minute moves come from the tracker's own trade price log, so a horizon missed while the tracker
 * was down is still measured afterwards; it is given up only when the symbol has no trade by then.
 */
export class ImpactMeasurer {
  private round?: Promise<ImpactRound>;

  constructor(
    private readonly store: ImpactStorePort,
    private readonly commands: CommandBus,
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
    const activities = await this.store.awaitingImpact(settledNow, this.options.batchSize);
    const round = { activities: activities.length, measured: 0, missed: 0 };
    for (const activity of activities) {
      const pending = pendingImpactHorizons(
        activity.detectedAt,
        settledNow,
        activity.settled,
        this.options.giveUpAfterMs,
      );
      if (pending.due.length + pending.missed.length > 0) {
        const settled = await this.commands.execute(new MeasureImpactCommand(activity, pending));
        round.measured += settled.measured.length;
        round.missed += settled.missed.length;
      }
    }
    await this.commands.execute(
      new ForgetTradePricesCommand(new Date(now.getTime() - this.options.priceRetentionMs)),
    );
    return round;
  }
}
