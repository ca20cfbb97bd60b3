import { QueryBus } from '@nestjs/cqrs';
import { Args, Context, Int, Mutation, Query, Resolver } from '@nestjs/graphql';

import { requesterOf, RequireRole, type AuthenticatedRequest } from '@nexwave/auth';

import { GetStrategiesQuery } from '../../application/queries/get-strategies.query';
import { GetStrategySignalsQuery } from '../../application/queries/get-strategy-signals.query';
import { GetStrategyQuery } from '../../application/queries/get-strategy.query';
import { signalsPageView, strategyView } from '../http/strategies.views';
import { StrategyCommandSender } from '../http/strategy-command.sender';
import {
  checkedReason,
  DEFAULT_SIGNALS_LIMIT,
  MAX_REASON_LENGTH,
  MAX_SIGNALS_LIMIT,
  strategySignalsRequest,
} from '../http/strategy-signals.request';
import { StrategyModel, StrategySignalsPageModel } from './strategy.model';
import { signalsPageModel, strategyModel } from './strategy.models.mapping';

const REASON = {
  type: () => String,
  nullable: true,
  description: `Why, 1 to ${MAX_REASON_LENGTH} characters`,
} as const;

/** Strategy instances over GraphQL: the same reads and writes as REST /api/v1/strategies. */
@Resolver(() => StrategyModel)
@RequireRole('read')
export class StrategiesResolver {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly commands: StrategyCommandSender,
  ) {}

  @Query(() => [StrategyModel], { description: 'Strategy instances, by id' })
  async strategies(): Promise<StrategyModel[]> {
    const instances = await this.queryBus.execute(new GetStrategiesQuery());
    return instances.map((instance) => strategyModel(strategyView(instance)));
  }

  @Query(() => StrategyModel, { description: 'One strategy instance (NOT_FOUND when unknown)' })
  async strategy(@Args('id', { type: () => String }) id: string): Promise<StrategyModel> {
    return strategyModel(strategyView(await this.queryBus.execute(new GetStrategyQuery(id))));
  }

  @Query(() => StrategySignalsPageModel, {
    description: "An instance's signals, newest first (REST GET /api/v1/strategies/{id}/signals)",
  })
  async strategySignals(
    @Args('id', { type: () => String }) id: string,
    @Args('limit', {
      type: () => Int,
      defaultValue: DEFAULT_SIGNALS_LIMIT,
      description: `1 to ${MAX_SIGNALS_LIMIT}`,
    })
    limit: number,
    @Args('before', {
      type: () => String,
      nullable: true,
      description: "Only signals older than this one: the previous page's nextBefore",
    })
    before: string | null | undefined,
    @Args('since', {
      type: () => String,
      nullable: true,
      description: 'Only signals stored at or after this time (ISO 8601)',
    })
    since: string | null | undefined,
  ): Promise<StrategySignalsPageModel> {
    const request = strategySignalsRequest({
      limit,
      before: before ?? undefined,
      since: since ?? undefined,
    });
    const page = await this.queryBus.execute(new GetStrategySignalsQuery(id, request));
    return signalsPageModel(signalsPageView(id, page));
  }

  @RequireRole('admin')
  @Mutation(() => StrategyModel, {
    description: 'Pause an instance: no new entries, exits still go out; idempotent',
  })
  pauseStrategy(
    @Args('id', { type: () => String }) id: string,
    @Args('reason', REASON) reason: string | null | undefined,
    @Context('req') req: AuthenticatedRequest,
  ): Promise<StrategyModel> {
    return this.control('pause', id, checkedReason(reason), requesterOf(req));
  }

  @RequireRole('admin')
  @Mutation(() => StrategyModel, { description: 'Resume a paused instance; idempotent' })
  resumeStrategy(
    @Args('id', { type: () => String }) id: string,
    @Args('reason', REASON) reason: string | null | undefined,
    @Context('req') req: AuthenticatedRequest,
  ): Promise<StrategyModel> {
    return this.control('resume', id, checkedReason(reason), requesterOf(req));
  }

  /** Checks the instance exists (NOT_FOUND before asking the engine), sends the command, shows the result. */
  private async control(
    command: 'pause' | 'resume',
    id: string,
    reason: string | null,
    requestedBy: string,
  ): Promise<StrategyModel> {
    await this.queryBus.execute(new GetStrategyQuery(id));
    await this.commands[command](id, reason, requestedBy);
    return this.strategy(id);
  }
}
