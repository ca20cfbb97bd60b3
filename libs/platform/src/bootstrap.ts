import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';

import { ConfigError, loadConfig, type AppName, type ConfigOf } from '@nexwave/config';
import { connectMessaging } from '@nexwave/messaging';

import { serveSwagger } from './swagger';

export interface AppDefinition<A extends AppName> {
  name: A;
  title: string;
  module: (config: ConfigOf<A>) => DynamicModule;
}

/** Validate config, boot the Nest app with pino, Swagger and shutdown hooks, then listen. */
export async function bootstrap<A extends AppName>(
  definition: AppDefinition<A>,
): Promise<INestApplication | undefined> {
  let config: ConfigOf<A>;
  try {
    config = loadConfig(definition.name);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${definition.name}: ${error.message}\n`);
      process.exitCode = 1;
      return undefined;
    }
    throw error;
  }
  const app = await createApp(definition, config);
  const { port } = commonSections(config).app;
  await app.startAllMicroservices();
  await app.listen(port, '0.0.0.0');
  const logger = app.get(Logger);
  logger.log(`${definition.name} listening on ${await app.getUrl()} (docs at /docs)`);
  closeOnSignals(app, logger);
  return app;
}

export async function createApp<A extends AppName>(
  definition: AppDefinition<A>,
  config: ConfigOf<A>,
): Promise<INestApplication> {
  const app = await NestFactory.create(definition.module(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  connectMessaging(app);
  serveSwagger(app, definition.title);
  return app;
}

/** Every app validates the app and database concerns (see APP_CONCERNS). */
export function commonSections(config: object): ConfigOf<'api-gateway'> {
  return config as ConfigOf<'api-gateway'>;
}

/** SIGINT/SIGTERM run every shutdown hook (database last), then exit 0; a second signal forces. */
function closeOnSignals(app: INestApplication, logger: Logger): void {
  const close = (signal: NodeJS.Signals) => {
    process.removeListener('SIGINT', close);
    process.removeListener('SIGTERM', close);
    process.once(signal, () => process.exit(1));
    logger.log(`${signal}: shutting down`);
    app.close().then(
      () => {
        process.exitCode = 0;
      },
      (error: unknown) => {
        logger.error(error, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
}
