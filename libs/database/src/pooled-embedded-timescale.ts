import { EmbeddedTimescaleOptions, startEmbeddedTimescale } from './embedded-timescale';
import { startPgBouncer } from './pgbouncer';

export interface PooledEmbeddedTimescaleOptions extends Pick<
  EmbeddedTimescaleOptions,
  'dataDir' | 'logger' | 'onGiveUp'
> {
  /** Loopback port of the pooler, the one clients use; 0 picks a free one. */
  port: number;
}

export interface PooledEmbeddedTimescale {
  /** The DATABASE_URL for any number of apps and pools. */
  readonly url: string;
  /** Stops the pooler, then the database (data flushed). */
  stop(): Promise<void>;
}

/**
 * The embedded TimescaleDB for several processes (the split apps on one machine): PGlite serves
 * its one connection to PgBouncer, which serialises every client's transactions onto it.
 */
export async function startPooledEmbeddedTimescale(
  options: PooledEmbeddedTimescaleOptions,
): Promise<PooledEmbeddedTimescale> {
  const database = await startEmbeddedTimescale({
    dataDir: options.dataDir,
    port: 0,
    logger: options.logger,
    onGiveUp: options.onGiveUp,
  });
  const server = new URL(database.url);
  try {
    const pooler = await startPgBouncer({
      port: options.port,
      server: {
        port: database.port,
        user: decodeURIComponent(server.username),
        database: server.pathname.slice(1),
      },
    });
    return {
      url: pooler.url,
      async stop() {
        try {
          await pooler.stop();
        } finally {
          await database.stop();
        }
      },
    };
  } catch (error) {
    await database.stop();
    throw error;
  }
}
