// Embedded TimescaleDB start-up (new and existing data dir), migration times and round trips
// through its one-client wire gate.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { createDataSource, runMigrations, startEmbeddedTimescale } from '@nexwave/database';

async function timed<T>(label: string, action: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await action();
  console.log(`${label.padEnd(40)} ${(performance.now() - started).toFixed(0).padStart(6)} ms`);
  return result;
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'nexwave-bench-'));
  try {
    const first = await timed('first start (new data dir)', () =>
      startEmbeddedTimescale({ dataDir, port: 0 }),
    );
    const dataSource = createDataSource({ url: first.url, embedded: true });
    await timed('DataSource.initialize', () => dataSource.initialize());
    const applied = await timed('runMigrations (all, new database)', () =>
      runMigrations(dataSource),
    );
    await timed('runMigrations (nothing pending)', () => runMigrations(dataSource));
    const roundTrips = 2_000;
    const started = performance.now();
    for (let i = 0; i < roundTrips; i += 1) {
      await dataSource.query('SELECT $1::int AS n', [i]);
    }
    const perSecond = roundTrips / ((performance.now() - started) / 1_000);
    console.log(
      `${'SELECT $1 round trips (pool of 1)'.padEnd(40)} ${perSecond.toFixed(0).padStart(6)} /s`,
    );
    await dataSource.destroy();
    await timed('stop', () => first.stop());
    const again = await timed('restart (existing data dir)', () =>
      startEmbeddedTimescale({ dataDir, port: 0 }),
    );
    await timed('stop', () => again.stop());
    console.log(`migrations applied: ${applied.length}`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
