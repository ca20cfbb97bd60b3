import { appConcern } from './app.schema';
import { authConcern } from './auth.schema';
import { candleApiConcern } from './candle-api.schema';
import { databaseConcern } from './database.schema';
import { marketDataConcern } from './market-data.schema';
import { messagingConcern } from './messaging.schema';
import { ordersConcern } from './orders.schema';
import { pacificaConcern } from './pacifica.schema';
import { riskConcern } from './risk.schema';
import { tradingConcern } from './trading.schema';
import { whalesConcern } from './whales.schema';

export const CONCERNS = {
  app: appConcern,
  auth: authConcern,
  database: databaseConcern,
  candleApi: candleApiConcern,
  marketData: marketDataConcern,
  messaging: messagingConcern,
  pacifica: pacificaConcern,
  trading: tradingConcern,
  orders: ordersConcern,
  risk: riskConcern,
  whales: whalesConcern,
};

export type ConcernName = keyof typeof CONCERNS;

export type AppConfig = {
  [K in ConcernName]: ReturnType<(typeof CONCERNS)[K]['build']>;
};

/** What each deployable validates at start-up: only what it uses. */
export const APP_CONCERNS = {
  nexwave: [
    'app',
    'auth',
    'candleApi',
    'database',
    'marketData',
    'messaging',
    'pacifica',
    'trading',
    'orders',
    'risk',
    'whales',
  ],
  'api-gateway': ['app', 'auth', 'candleApi', 'database', 'messaging', 'pacifica'],
  'market-data': ['app', 'candleApi', 'database', 'marketData', 'messaging', 'pacifica', 'trading'],
  'whale-tracker': ['app', 'database', 'messaging', 'pacifica', 'trading', 'whales'],
  'trading-engine': ['app', 'database', 'messaging', 'pacifica', 'trading', 'risk'],
  'order-management': ['app', 'database', 'messaging', 'pacifica', 'trading', 'orders'],
  'pacifica-sim': ['pacifica'],
} as const satisfies Record<string, readonly ConcernName[]>;

export type AppName = keyof typeof APP_CONCERNS;

/** The apps that serve HTTP: every one validates the app, database and messaging concerns. */
export type ServiceName = {
  [A in AppName]: 'app' extends (typeof APP_CONCERNS)[A][number] ? A : never;
}[AppName];

/** What every service's config holds, whatever else it validates. */
export type CommonConfig = Pick<AppConfig, 'app' | 'database' | 'messaging'>;

/**
 * The config of one app. The intersection lets code generic over a ServiceName read the common
 * concerns without a cast (TypeScript cannot see them through a generic Pick).
 */
export type ConfigOf<A extends AppName> = Pick<AppConfig, (typeof APP_CONCERNS)[A][number]> &
  (A extends ServiceName ? CommonConfig : unknown);
