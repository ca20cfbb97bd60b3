import type { DataSource } from 'typeorm';

import { loadConfig } from '@nexwave/config';
import { createDataSource, openEmbedded, runMigrations } from '@nexwave/database';
import { PacificaRestClient } from '@nexwave/pacifica';

import { BACKTESTING_ENTITIES } from '../infrastructure/persistence/backtest-run.entity';

export type NexwaveConfig = ReturnType<typeof loadConfig<'nexwave'>>;

/** The exchange's REST client (lot and tick sizes): PACIFICA_API_URL, or the local simulator. */
export function exchangeClient(config: NexwaveConfig): PacificaRestClient {
  return new PacificaRestClient({
    baseUrl: config.pacifica.apiUrl ?? `http://127.0.0.1:${config.pacifica.simPort}/api/v1`,
  });
}

/**
 * Runs `use` on the stored data (DATABASE_URL, or the embedded TimescaleDB in EMBEDDED_DB_DIR
 * while the app is stopped), migrated; closes the connection and the embedded server after.
 */
export async function withStoredData<T>(
  config: NexwaveConfig,
  use: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  const embedded = await openEmbedded(
    config.database,
    'point DATABASE_URL at a TimescaleDB server (or POST /api/v1/backtests)',
  );
  try {
    const dataSource = createDataSource({
      url: config.database.url ?? embedded!.url,
      embedded: embedded !== undefined,
      poolSize: 2,
      entities: BACKTESTING_ENTITIES,
    });
    await dataSource.initialize();
    try {
      await runMigrations(dataSource);
      return await use(dataSource);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await embedded?.stop();
  }
}
