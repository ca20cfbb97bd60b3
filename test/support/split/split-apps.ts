/** The five apps of a split deployment and what each is given; shared by start:split and its e2e. */
export const SPLIT_APPS = [
  'api-gateway',
  'market-data',
  'whale-tracker',
  'trading-engine',
  'order-management',
] as const;

export type SplitApp = (typeof SPLIT_APPS)[number];

/** Where the apps find what they share. */
export interface SplitEndpoints {
  /** The pooler's URL (the migrate step has run on it: the apps never migrate). */
  databaseUrl: string;
  kafkaBrokers: string;
  redisUrl: string;
  /** The simulator's base URL, e.g. http://127.0.0.1:8081. */
  simUrl: string;
  gatewayPort: number;
  adminApiKey: string;
  tickSpoolDir: string;
}

/** The variables of `app` listening on `port`: Kafka, Redis streams, the simulator, one database. */
export function splitAppEnv(
  app: SplitApp,
  port: number,
  endpoints: SplitEndpoints,
): Record<string, string> {
  const own: Record<string, string> =
    app === 'api-gateway'
      ? { ADMIN_API_KEY: endpoints.adminApiKey }
      : app === 'trading-engine'
        ? { MARKET_DATA_API_URL: `http://127.0.0.1:${endpoints.gatewayPort}` } // its warm-up
        : {};
  return {
    DATABASE_URL: endpoints.databaseUrl,
    TRANSPORT: 'kafka',
    KAFKA_BROKERS: endpoints.kafkaBrokers,
    REDIS_URL: endpoints.redisUrl,
    PACIFICA_API_URL: `${endpoints.simUrl}/api/v1`,
    PACIFICA_WS_URL: `${endpoints.simUrl.replace(/^http/, 'ws')}/ws`,
    TICK_SPOOL_DIR: endpoints.tickSpoolDir,
    ...own,
    PORT: String(port),
  };
}
