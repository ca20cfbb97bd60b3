import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';

import { RequireRole } from '@nexwave/auth';

import { BacktestRunsService } from '../../application/backtest-runs.service';
import type { BacktestRun } from '../../domain/backtest-run';
import { BacktestingError } from '../../domain/backtesting.errors';
import { DEFAULT_RUNS_LIMIT, MAX_RUNS_LIMIT } from '../http/backtest-run.view';
import { BacktestInputModel, BacktestRunModel } from './backtest-run.model';

function runModel(run: BacktestRun): BacktestRunModel {
  return {
    ...run,
    symbols: [...run.symbols],
    parameters: JSON.stringify(run.parameters),
    from: run.from.toISOString(),
    to: run.to.toISOString(),
    trades: JSON.stringify(run.trades),
    equityCurve: JSON.stringify(run.equityCurve),
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

function parsedParameters(text: string | null | undefined): unknown {
  if (text === null || text === undefined) {
    return {};
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BacktestingError('INVALID_REQUEST', 'parameters must be a JSON object', {
      field: 'parameters',
    });
  }
}

/** Backtest runs over GraphQL: the same reads and start as REST /api/v1/backtests. */
@Resolver(() => BacktestRunModel)
@RequireRole('read')
export class BacktestsResolver {
  constructor(private readonly runs: BacktestRunsService) {}

  @Query(() => [BacktestRunModel], { description: 'Backtest runs, newest first' })
  async backtests(
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
    @Args('limit', {
      type: () => Int,
      defaultValue: DEFAULT_RUNS_LIMIT,
      description: `1 to ${MAX_RUNS_LIMIT}`,
    })
    limit: number,
  ): Promise<BacktestRunModel[]> {
    return (await this.runs.list(offset, limit)).items.map(runModel);
  }

  @Query(() => BacktestRunModel, { description: 'One backtest run (NOT_FOUND when unknown)' })
  async backtest(@Args('id', { type: () => String }) id: string): Promise<BacktestRunModel> {
    return runModel(await this.runs.get(id));
  }

  @Mutation(() => BacktestRunModel, {
    description: 'Starts a backtest in the background (role trade); poll backtest(id)',
  })
  @RequireRole('trade')
  async runBacktest(
    @Args('input', { type: () => BacktestInputModel }) input: BacktestInputModel,
  ): Promise<BacktestRunModel> {
    return runModel(
      await this.runs.start({ ...input, parameters: parsedParameters(input.parameters) }),
    );
  }
}
