import type { BacktestRequestInput } from '../domain/backtest-request';
import { backtestRequest } from '../domain/backtest-request';
import type { BacktestRun } from '../domain/backtest-run';
import { BacktestingError } from '../domain/backtesting.errors';
import { BacktestRunner } from './backtest-runner';
import { BacktestRunRepository, type BacktestRunPage } from './ports/backtest-run.repository';

/** What the REST and GraphQL interfaces do: start a run in the background, read runs. */
export class BacktestRunsService {
  constructor(
    private readonly runner: BacktestRunner,
    private readonly runs: BacktestRunRepository,
  ) {}

  start(input: BacktestRequestInput): Promise<BacktestRun> {
    return this.runner.start(backtestRequest(input));
  }

  async get(id: string): Promise<BacktestRun> {
    const run = /^[0-9a-f-]{36}$/i.test(id) ? await this.runs.get(id) : null;
    if (run === null) {
      throw new BacktestingError('RUN_NOT_FOUND', `no backtest run has id ${id}`, { id });
    }
    return run;
  }

  list(offset: number, limit: number): Promise<BacktestRunPage> {
    if (!Number.isInteger(offset) || offset < 0) {
      throw new BacktestingError('INVALID_REQUEST', 'offset must be a non-negative integer', {
        field: 'offset',
      });
    }
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      throw new BacktestingError('INVALID_REQUEST', 'limit must be an integer from 1 to 100', {
        field: 'limit',
      });
    }
    return this.runs.list(offset, limit);
  }
}
