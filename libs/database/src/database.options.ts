/** Where the database is: a TimescaleDB server, or (no url) the embedded TimescaleDB. */
export interface DatabaseModuleOptions {
  /** A TimescaleDB server; when absent the embedded TimescaleDB is started. */
  url?: string;
  /** Connections to the server at `url`. */
  poolSize?: number;
  embeddedDataDir: string;
  /** 0 picks a free port. */
  embeddedPort: number;
  /**
   * run (default): apply pending migrations at start. wait: never change the schema; wait until
   * it has the newest migration of this build (a separate migrate step applies them).
   */
  migrations?: 'run' | 'wait';
  /** How long `wait` waits before the start fails (default 300 s). */
  schemaWaitSeconds?: number;
}
