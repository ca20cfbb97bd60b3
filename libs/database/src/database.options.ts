/** Where the database is: a TimescaleDB server, or (no url) the embedded TimescaleDB. */
export interface DatabaseModuleOptions {
  /** A TimescaleDB server; when absent the embedded TimescaleDB is started. */
  url?: string;
  /** Connections to the server at `url`. */
  poolSize?: number;
  embeddedDataDir: string;
  /** 0 picks a free port. */
  embeddedPort: number;
}
