import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { Logger } from 'pino';

/** How long SIGINT/SIGTERM wait for a graceful close before the process exits anyway. */
export const SHUTDOWN_GRACE_MS = 10_000;

const HOOKS = ['onModuleDestroy', 'beforeApplicationShutdown', 'onApplicationShutdown'] as const;

/**
 * Wraps the shutdown hooks of every provider and controller so that a stuck shutdown can name
 * what is still running ("DatabaseLifecycle.onApplicationShutdown").
 */
export function watchShutdownHooks(app: INestApplicationContext): () => string[] {
  const running = new Set<string>();
  const seen = new WeakSet<object>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of [...module.providers.values(), ...module.controllers.values()]) {
      const instance: unknown = wrapper.instance;
      if (typeof instance !== 'object' || instance === null || seen.has(instance)) {
        continue;
      }
      seen.add(instance);
      const target = instance as Record<string, unknown>;
      for (const hook of HOOKS) {
        const original = target[hook];
        if (typeof original !== 'function') {
          continue;
        }
        const name = `${instance.constructor.name}.${hook}`;
        target[hook] = async (...args: unknown[]): Promise<unknown> => {
          running.add(name);
          try {
            return (await original.apply(instance, args)) as unknown;
          } finally {
            running.delete(name);
          }
        };
      }
    }
  }
  return () => [...running];
}

/**
 * Closes the app (every shutdown hook, database last). Resolves true when done, false when
 * graceMs passed first, after logging what did not stop.
 */
export async function closeWithin(
  app: INestApplicationContext,
  logger: Logger,
  graceMs = SHUTDOWN_GRACE_MS,
): Promise<boolean> {
  const stillRunning = watchShutdownHooks(app);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), graceMs);
  });
  const closed = app.close().then(
    () => 'closed' as const,
    (error: unknown) => {
      logger.error(error, 'shutdown failed');
      return 'failed' as const;
    },
  );
  const result = await Promise.race([closed, timedOut]);
  clearTimeout(timer);
  if (result === 'timeout') {
    const running = stillRunning();
    const what = running.length > 0 ? running.join(', ') : 'the HTTP server or a transport';
    logger.error(`shutdown did not finish within ${graceMs / 1_000} s; still stopping: ${what}`);
  }
  return result === 'closed';
}

/**
 * Until the app exists there is nothing to close: SIGINT/SIGTERM end start-up at once (exit 1).
 * Without a handler a signal would be ignored by a process running as PID 1 in a container.
 * Returns the function that removes the handlers.
 */
export function exitOnSignalsDuringStartup(logger: Logger): () => void {
  const exit = (signal: NodeJS.Signals) => {
    logger.info(`${signal} during start-up: exiting`);
    process.exit(1);
  };
  process.once('SIGINT', exit);
  process.once('SIGTERM', exit);
  return () => {
    process.removeListener('SIGINT', exit);
    process.removeListener('SIGTERM', exit);
  };
}

/** SIGINT/SIGTERM close the app and exit 0; exit 1 if it did not close in time or failed; a second signal forces. */
export function closeOnSignals(app: INestApplication, logger: Logger): void {
  const close = (signal: NodeJS.Signals) => {
    process.removeListener('SIGINT', close);
    process.removeListener('SIGTERM', close);
    process.once(signal, () => process.exit(1));
    logger.info(`${signal}: shutting down`);
    void closeWithin(app, logger).then((closed) => {
      if (!closed) {
        process.exit(1);
      }
      process.exitCode = 0;
      // Closed: the process ends by itself, unless a forgotten handle keeps it alive.
      setTimeout(() => {
        logger.warn('shut down, but open handles kept the process alive: exiting');
        process.exit(0);
      }, SHUTDOWN_GRACE_MS).unref();
    });
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
}
