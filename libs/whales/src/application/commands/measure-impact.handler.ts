import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import {
  impactDueAt,
  nextImpactDueAt,
  settleImpacts,
  type ImpactHorizon,
  type ImpactSettlement,
} from '../../domain/market-impact';
import { ImpactStorePort } from '../ports/impact-store.port';
import { TradePriceLogPort } from '../ports/trade-price-log.port';
import { MeasureImpactCommand } from './measure-impact.command';

/**
 * Base: the last trade at or before the detection (the book mid at detection when none); each
 * horizon: the last trade at or before it. Saves what settled on the activity's row, with when
 * its next horizon is due (a horizon left waiting for a trade is due again at once).
 */
@CommandHandler(MeasureImpactCommand)
export class MeasureImpactHandler implements ICommandHandler<MeasureImpactCommand> {
  private readonly logger = new Logger(MeasureImpactHandler.name);

  constructor(
    private readonly store: ImpactStorePort,
    private readonly prices: TradePriceLogPort,
  ) {}

  async execute({ activity, pending }: MeasureImpactCommand): Promise<ImpactSettlement> {
    const { symbol, detectedAt, storedId } = activity;
    const base = (await this.prices.lastPriceAt(symbol, detectedAt)) ?? activity.priceAtDetection;
    const priceAt = new Map<ImpactHorizon, string | null>();
    for (const horizon of [...pending.due, ...pending.missed]) {
      priceAt.set(horizon, await this.prices.lastPriceAt(symbol, impactDueAt(detectedAt, horizon)));
    }
    const settlement = settleImpacts(
      activity.side,
      base,
      pending,
      priceAt,
      activity.settled.length,
    );
    if (settlement.measured.length + settlement.missed.length > 0) {
      const settled = [
        ...activity.settled,
        ...settlement.measured.map((m) => m.horizon),
        ...settlement.missed,
      ];
      await this.store.saveImpact(storedId, {
        ...settlement,
        nextDueAt: nextImpactDueAt(detectedAt, settled),
      });
    }
    if (settlement.missed.length > 0) {
      this.logger.warn(
        `No ${symbol} trade to measure the ${settlement.missed.join('/')} min impact of whale activity ${storedId}`,
      );
    }
    return settlement;
  }
}
