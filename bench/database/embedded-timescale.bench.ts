// Embedded TimescaleDB start-up (new and existing data dir) and migration times.
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
