import type { DynamicModule } from '@nestjs/common';

import { ConfigModule, type ConfigOf, type ServiceName } from '@nexwave/config';
import { DatabaseModule } from '@nexwave/database';
import { MessagingModule, StreamsModule } from '@nexwave/messaging';

import { appLogger } from './app-logger';
import { CqrsErrorsModule } from './cqrs/cqrs-errors.module';
import { ApiErrorsModule } from './errors/api-errors.module';
import { HealthModule } from './health.module';
import { loggerModule } from './logger.module';
import { appRegistry } from './metrics/app-registry';
import { MetricsModule } from './metrics/metrics.module';

/**
 * What every deployable starts with: validated config, redacting logger, the app's one metrics
 * registry (GET /metrics), database, /health, and
 * messaging between contexts (in memory or Kafka, one consumer group per app, database inbox and
 * outbox), the order-book streams (in memory or Redis), the one error shape of every REST
 * answer (ApiErrorsModule) and the one subscriber of CQRS's unhandled exceptions (CqrsErrorsModule).
 */
export function platformImports<A extends ServiceName>(
  name: A,
  config: ConfigOf<A>,
): (DynamicModule | typeof HealthModule | typeof ApiErrorsModule | typeof CqrsErrorsModule)[] {
  const { database, messaging } = config;
  const registry = appRegistry(name);
  return [
    ConfigModule.forRoot(config),
    MetricsModule.forRoot(registry),
    loggerModule(appLogger(name, config)),
    DatabaseModule.forRootAsync({
      useFactory: () => ({ ...database, migrations: migrationsOf(name, database.url) }),
    }),
    MessagingModule.forRoot({
      transport: messaging.transport,
      group: name,
      brokers: messaging.kafkaBrokers,
      clientId: `${messaging.kafkaClientId}-${name}`,
      inbox: 'database',
      outbox: {},
      metricsRegistry: registry,
    }),
    StreamsModule.forRoot({ redisUrl: messaging.redisUrl, metricsRegistry: registry }),
    HealthModule,
    ApiErrorsModule,
    CqrsErrorsModule,
  ];
}

/**
 * The all-in-one app, and a split app on its own embedded database, migrate at start (nothing
 * else will); split apps sharing DATABASE_URL wait for the one migrate step instead of racing.
 */
function migrationsOf(name: ServiceName, url: string | undefined): 'run' | 'wait' {
  return name === 'nexwave' || url === undefined ? 'run' : 'wait';
}
