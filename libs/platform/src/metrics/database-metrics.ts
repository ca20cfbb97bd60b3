import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Histogram, Registry } from 'prom-client';
import { DataSource, type QueryRunner } from 'typeorm';

/**
 * Times every statement TypeORM runs (repositories, `query()`, transactions: all go through a
 * query runner the driver creates), by outcome (ok | error).
 */
@Injectable()
export class DatabaseMetrics implements OnModuleInit {
  readonly querySeconds: Histogram<'outcome'>;

  constructor(
    private readonly dataSource: DataSource,
    registry: Registry,
  ) {
    this.querySeconds = new Histogram({
      name: 'nexwave_db_query_duration_seconds',
      help: 'Database statement duration, by outcome (ok | error)',
      labelNames: ['outcome'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
  }

  onModuleInit(): void {
    const driver = this.dataSource.driver;
    const create = driver.createQueryRunner.bind(driver);
    driver.createQueryRunner = (mode) => this.timed(create(mode));
  }

  private timed(runner: QueryRunner): QueryRunner {
    const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
    runner.query = (async (...args: unknown[]) => {
      const end = this.querySeconds.startTimer();
      try {
        const result = await query(...args);
        end({ outcome: 'ok' });
        return result;
      } catch (error) {
        end({ outcome: 'error' });
        throw error;
      }
    }) as QueryRunner['query'];
    return runner;
  }
}
