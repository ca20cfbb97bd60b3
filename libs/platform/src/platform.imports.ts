import type { DynamicModule } from '@nestjs/common';

import { ConfigModule, secretValues, type AppName, type ConfigOf } from '@nexwave/config';
import { DatabaseModule } from '@nexwave/database';

import { commonSections } from './bootstrap';
import { HealthModule } from './health.module';
import { loggerModule } from './logger.module';

/** What every deployable starts with: validated config, redacting logger, database, /health. */
export function platformImports<A extends AppName>(
  name: A,
  config: ConfigOf<A>,
): (DynamicModule | typeof HealthModule)[] {
  const { app, database } = commonSections(config);
  return [
    ConfigModule.forRoot(config),
    loggerModule({ level: app.logLevel, pretty: app.logPretty, secrets: secretValues(name) }),
    DatabaseModule.forRootAsync({ useFactory: () => database }),
    HealthModule,
  ];
}
