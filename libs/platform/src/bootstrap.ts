import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';

import { ConfigError, loadConfig, type ConfigOf, type ServiceName } from '@nexwave/config';
import { EmbeddedTimescaleError } from '@nexwave/database';
import { connectMessaging } from '@nexwave/messaging';

import { appLogger } from './app-logger';
import { assertPortsFree, describeListenError, StartupError, type PortClaim } from './listen-ports';
import { HttpMetrics } from './metrics/http-metrics';
import { NestLogger } from './nest-logger';
import { closeOnSignals, closeWithin, exitOnSignalsDuringStartup } from './shutdown';
import { describeStartup } from './startup-summary';
import { serveSwagger } from './swagger';

export interface AppDefinition<A extends ServiceName> {
  name: A;
  title: string;
  module: (config: ConfigOf<A>) => DynamicModule;
  /** Ports the app's modules listen on besides PORT and the embedded database (the simulator). */
  ports?: (config: ConfigOf<A>) => PortClaim[];
}

/**
 * Validate config, boot the Nest app with pino, Swagger and shutdown hooks, then listen on
 * HOST:PORT. A start-up failure a user can fix (bad variable, port taken) is one line on stderr
 * and exit code 1; whatever had started is stopped.
 */
export async function bootstrap<A extends ServiceName>(
  definition: AppDefinition<A>,
): Promise<INestApplication | undefined> {
  let config: ConfigOf<A>;
  try {
    config = loadConfig(definition.name);
  } catch (error) {
    if (error instanceof ConfigError) {
      return exitWith(`${definition.name}: ${error.message}`);
    }
    throw error;
  }
  const logger = appLogger(definition.name, config);
  const { host, port } = config.app;
  const claims = portClaims(definition, config);
  let app: INestApplication;
  const stopExitingOnSignals = exitOnSignalsDuringStartup(logger);
  try {
    await assertPortsFree(claims);
    logger.info(`${definition.name} starting (${describeStartup(config)})`);
    app = await createApp(definition, config);
  } catch (error) {
    return failStartup(definition.name, logger, error, claims);
  }
  stopExitingOnSignals();
  closeOnSignals(app, logger);
  try {
    // The lifecycle hooks first (the CQRS buses register their handlers there): a hybrid app's
    // consumer, started before them, would take waiting messages to handlers not registered yet.
    await app.init();
    await app.startAllMicroservices();
    await app.listen(port, host);
  } catch (error) {
    await closeWithin(app, logger);
    return failStartup(definition.name, logger, error, claims);
  }
  logger.info(`${definition.name} listening on ${listeningOn(app, host)} (docs at /docs)`);
  return app;
}

export async function createApp<A extends ServiceName>(
  definition: AppDefinition<A>,
  config: ConfigOf<A>,
): Promise<INestApplication> {
  const app = await NestFactory.create(definition.module(config), {
    logger: new NestLogger(appLogger(definition.name, config)),
    abortOnError: false,
  });
  app.use(app.get(HttpMetrics).middleware);
  connectMessaging(app);
  serveSwagger(app, definition.title);
  return app;
}

/** Every port the app is about to listen on, with the variable that moves it. */
function portClaims<A extends ServiceName>(
  definition: AppDefinition<A>,
  config: ConfigOf<A>,
): PortClaim[] {
  const { app, database } = config;
  const embedded = database.url === undefined;
  return [
    { variable: 'PORT', host: app.host, port: app.port },
    ...(embedded
      ? [{ variable: 'EMBEDDED_DB_PORT', host: '127.0.0.1', port: database.embeddedPort }]
      : []),
    ...(definition.ports?.(config) ?? []),
  ];
}

/** "http://127.0.0.1:3000", or "http://0.0.0.0:3000 on every interface": what HOST really means. */
function listeningOn(app: INestApplication, host: string): string {
  const { port } = (app.getHttpServer() as { address(): { port: number } }).address();
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return host === '0.0.0.0' || host === '::' ? `${url} on every interface` : url;
}

/**
 * The process exits here: the embedded database child, whose IPC channel closes with this
 * process, then stops by itself (data flushed).
 */
function failStartup(
  name: string,
  logger: Logger,
  error: unknown,
  claims: readonly PortClaim[],
): undefined {
  const line =
    describeListenError(error, claims) ??
    (error instanceof StartupError ||
    error instanceof EmbeddedTimescaleError ||
    error instanceof ConfigError
      ? error.message
      : undefined);
  if (line === undefined) {
    logger.fatal(error, 'start-up failed');
    process.exit(1);
  }
  return exitWith(`${name}: ${line}`);
}

function exitWith(line: string): undefined {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}
