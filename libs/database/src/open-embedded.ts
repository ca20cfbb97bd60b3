import {
  DataDirInUseError,
  startEmbeddedTimescale,
  type EmbeddedTimescale,
} from './embedded-timescale';

export interface CliDatabase {
  /** DATABASE_URL: a server, nothing to open. */
  url?: string;
  embeddedDataDir: string;
}

/**
 * The all-in-one app's embedded database for a CLI run while the app is stopped (none when `url`
 * names a server). While another process (the running app) holds it, refuses politely:
 * "stop it and rerun, or `whileRunning`".
 */
export async function openEmbedded(
  database: CliDatabase,
  whileRunning: string,
): Promise<EmbeddedTimescale | undefined> {
  if (database.url !== undefined) {
    return undefined;
  }
  try {
    return await startEmbeddedTimescale({
      dataDir: database.embeddedDataDir,
      port: 0,
      logger: { log: () => undefined, error: (message: string) => console.error(message) },
    });
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      throw new DataDirInUseError(
        error.dataDir,
        error.holder,
        `stop it and rerun, or ${whileRunning}`,
      );
    }
    throw error;
  }
}
