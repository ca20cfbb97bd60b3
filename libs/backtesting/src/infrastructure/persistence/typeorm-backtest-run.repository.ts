import { DataSource, type Repository } from 'typeorm';

import { uuidv7 } from '@nexwave/core';
import type { Timeframe } from '@nexwave/strategy';

import {
  BacktestRunRepository,
  type BacktestRunPage,
} from '../../application/ports/backtest-run.repository';
import type { BacktestRequest } from '../../domain/backtest-request';
import type { BacktestRun, BacktestRunOutcome } from '../../domain/backtest-run';
import { BacktestRunEntity } from './backtest-run.entity';

/** Backtest runs in `backtest_runs`. */
export class TypeOrmBacktestRunRepository extends BacktestRunRepository {
  private readonly rows: Repository<BacktestRunEntity>;

  constructor(dataSource: DataSource) {
    super();
    this.rows = dataSource.getRepository(BacktestRunEntity);
  }

  async create(request: BacktestRequest, at: Date): Promise<BacktestRun> {
    const row = this.rows.create({
      id: uuidv7(at.getTime()),
      strategy: request.strategy,
      parameters: { ...request.parameters },
      symbols: [...request.symbols],
      timeframe: request.timeframe,
      from: request.from,
      to: request.to,
      status: 'running',
      candlesDone: 0,
      candlesTotal: 0,
      summary: null,
      trades: null,
      equityCurve: null,
      error: null,
      createdAt: at,
      finishedAt: null,
    });
    await this.rows.save(row);
    return toRun(row);
  }

  async progress(id: string, done: number, total: number): Promise<void> {
    await this.rows.update({ id }, { candlesDone: done, candlesTotal: total });
  }

  async finish(id: string, outcome: BacktestRunOutcome, at: Date): Promise<void> {
    await this.rows.update(
      { id },
      outcome.status === 'succeeded'
        ? {
            status: 'succeeded',
            summary: outcome.summary,
            trades: [...outcome.trades],
            equityCurve: [...outcome.equityCurve],
            finishedAt: at,
          }
        : { status: 'failed', error: outcome.error, finishedAt: at },
    );
  }

  async get(id: string): Promise<BacktestRun | null> {
    const row = await this.rows.findOneBy({ id });
    return row ? toRun(row) : null;
  }

  async list(offset: number, limit: number): Promise<BacktestRunPage> {
    const [rows, total] = await this.rows.findAndCount({
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: offset,
      take: limit,
    });
    return { items: rows.map(toRun), total };
  }
}

function toRun(row: BacktestRunEntity): BacktestRun {
  return {
    id: row.id,
    strategy: row.strategy,
    parameters: row.parameters,
    symbols: row.symbols,
    timeframe: row.timeframe as Timeframe,
    from: row.from,
    to: row.to,
    status: row.status,
    candlesDone: row.candlesDone,
    candlesTotal: row.candlesTotal,
    summary: row.summary,
    trades: row.trades ?? [],
    equityCurve: row.equityCurve ?? [],
    error: row.error,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}
