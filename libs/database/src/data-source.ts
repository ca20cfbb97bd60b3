import { DataSource, DataSourceOptions } from 'typeorm';

import { MIGRATIONS } from '../../../migrations';

export { MIGRATIONS };

export interface DatabaseConnectionOptions {
  url: string;
  /** True for the embedded TimescaleDB: PGlite is a single session, so the pool holds one connection. */
  embedded: boolean;
  /** Connections to a server (DATABASE_URL); the embedded database always gets one. */
  poolSize?: number;
  /** Default schema for entities and the migrations table (tests use one schema each). */
  schema?: string;
  entities?: NonNullable<DataSourceOptions['entities']>;
}

export function buildDataSourceOptions(options: DatabaseConnectionOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities ?? [],
    migrations: [...MIGRATIONS],
    migrationsTableName: 'migrations',
    synchronize: false,
    extra: { max: options.embedded ? 1 : (options.poolSize ?? 10) },
  };
}

export function createDataSource(options: DatabaseConnectionOptions): DataSource {
  return new DataSource(buildDataSourceOptions(options));
}
