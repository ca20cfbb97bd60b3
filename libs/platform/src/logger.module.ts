import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { Options as HttpLoggerOptions } from 'pino-http';
import type { PrettyOptions, PrettyStream } from 'pino-pretty';

import { redact } from '@nexwave/config';

import type { LogFormat } from './log-format';

export interface LoggingOptions {
  level: string;
  format: LogFormat;
  /** Values blanked from every log line, wherever they appear (keys, tokens, URLs with passwords). */
  secrets: readonly string[];
}

export function pinoOptions(options: Omit<LoggingOptions, 'format'>): LoggerOptions {
  return {
    level: options.level,
    hooks: { streamWrite: (line: string) => redact(line, options.secrets) },
  };
}

const PRETTY: PrettyOptions = {
  sync: true,
  singleLine: true,
  translateTime: 'SYS:HH:MM:ss.l',
  ignore: 'pid,hostname,context',
  messageFormat: '{if context}[{context}] {end}{msg}',
};

/**
 * The app's one pino logger. It writes synchronously (JSON lines, or pino-pretty in-process), so
 * every line is out as soon as it is logged and none is lost by a forced exit.
 */
export function createRootLogger(options: LoggingOptions): Logger {
  const pretty = options.format === 'pretty' ? loadPinoPretty() : undefined;
  const destination: DestinationStream =
    pretty?.({ ...PRETTY, colorize: process.stdout.isTTY === true }) ??
    pino.destination({ fd: 1, sync: true });
  const logger = pino(pinoOptions(options), destination);
  if (options.format === 'pretty' && !pretty) {
    logger.warn('pino-pretty is not installed (a dev dependency): logging JSON lines');
  }
  return logger;
}

// pino-pretty is a devDependency: an image built with `npm ci --omit=dev` logs JSON instead.
function loadPinoPretty(): ((options: PrettyOptions) => PrettyStream) | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('pino-pretty') as typeof import('pino-pretty')).build;
  } catch {
    return undefined;
  }
}

/** Request logs: one line per request at debug (server errors at error), without headers. */
export function requestLogOptions(): HttpLoggerOptions {
  return {
    autoLogging: { ignore: (req) => req.url === '/health' },
    customLogLevel: (_req, res, error) =>
      error !== undefined || res.statusCode >= 500 ? 'error' : 'debug',
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, url: req.url }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

export function loggerModule(root: Logger): DynamicModule {
  return LoggerModule.forRoot({ pinoHttp: { logger: root, ...requestLogOptions() } });
}
