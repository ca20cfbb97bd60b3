import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';

import { StrategyError } from '../../domain/strategy.errors';
import { SignalHistory, type SignalCursor } from '../ports/signal-history.port';
import { StrategyInstanceRepository } from '../ports/strategy-instance.repository.port';
import { GetStrategySignalsQuery, type StrategySignalsPage } from './get-strategy-signals.query';
import { notFound } from './get-strategy.handler';

@QueryHandler(GetStrategySignalsQuery)
export class GetStrategySignalsHandler implements IQueryHandler<GetStrategySignalsQuery> {
  constructor(
    private readonly instances: StrategyInstanceRepository,
    private readonly history: SignalHistory,
  ) {}

  async execute({ strategyId, request }: GetStrategySignalsQuery): Promise<StrategySignalsPage> {
    if ((await this.instances.find(strategyId)) === null) {
      notFound(strategyId);
    }
    const before =
      request.before === undefined ? null : await this.cursor(strategyId, request.before);
    const signals = await this.history.page(strategyId, {
      limit: request.limit,
      before,
      since: request.since ?? null,
    });
    const last = signals.at(-1);
    return {
      signals,
      nextBefore: signals.length === request.limit && last ? last.clientOrderId : null,
    };
  }

  private async cursor(strategyId: string, before: string): Promise<SignalCursor> {
    const cursor = await this.history.cursorOf(strategyId, before);
    if (cursor === null) {
      throw new StrategyError(
        'UNKNOWN_CURSOR',
        `before must be the clientOrderId of a signal of ${strategyId}`,
        { strategyId, before },
      );
    }
    return cursor;
  }
}
