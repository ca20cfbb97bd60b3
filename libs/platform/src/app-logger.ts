import type { Logger } from 'pino';

import { secretValues, type ConfigOf, type ServiceName } from '@nexwave/config';

import { resolveLogFormat } from './log-format';
import { createRootLogger } from './logger.module';

const roots = new WeakMap<object, Logger>();

/**
 * The app's one pino logger, shared by its start-up lines, Nest and request logs: bootstrap
 * builds it before the module graph, platformImports hands the same one to LoggerModule.
 */
export function appLogger<A extends ServiceName>(name: A, config: ConfigOf<A>): Logger {
  let root = roots.get(config);
  if (!root) {
    const { app } = config;
    root = createRootLogger({
      level: app.logLevel,
      format: resolveLogFormat(app.logFormat, process.stdout.isTTY === true),
      secrets: secretValues(name),
    });
    roots.set(config, root);
  }
  return root;
}
