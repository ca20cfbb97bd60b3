import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { LoggerOptions } from 'pino';

import { redact } from '@nexwave/config';

export interface LoggingOptions {
  level: string;
  pretty: boolean;
  /** Values blanked from every log line, wherever they appear (keys, tokens, URLs with passwords). */
  secrets: readonly string[];
}

export function pinoOptions(options: LoggingOptions): LoggerOptions {
  return {
    level: options.level,
    redact: ['req.headers.authorization', 'req.headers["pf-api-key"]', 'req.headers.cookie'],
    hooks: { streamWrite: (line: string) => redact(line, options.secrets) },
    transport: options.pretty
      ? { target: 'pino-pretty', options: { singleLine: true } }
      : undefined,
  };
}

export function loggerModule(options: LoggingOptions): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      ...pinoOptions(options),
      autoLogging: { ignore: (req) => req.url === '/health' },
    },
  });
}
