import type { LoggerService } from '@nestjs/common';
import { Logger, type PinoLogger } from 'nestjs-pino';
import type { Logger as Pino } from 'pino';

/** Nest's own chatter at start-up: module wiring and route mapping (~36 lines). */
const DEBUG_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
  'NestMicroservice',
  'GraphQLModule',
]);

const STARTUP_ERROR_CONTEXTS = new Set(['ExceptionHandler', 'NestApplication']);

/** Whether a Nest log line of this context is shown at info or only at debug. */
export function nestLineLevel(context: unknown): 'info' | 'debug' {
  return typeof context === 'string' && DEBUG_CONTEXTS.has(context) ? 'debug' : 'info';
}

/** Nest's logger, on the app's root pino logger from the first line of start-up (no buffering). */
export class NestLogger extends Logger implements LoggerService {
  // nestjs-pino's Logger only calls the level methods of its PinoLogger, which pino has too; a
  // PinoLogger would log through the first logger any PinoLogger of the process was given.
  constructor(root: Pino) {
    super(root as unknown as PinoLogger, {});
  }

  override log(message: unknown, ...params: unknown[]): void {
    if (nestLineLevel(params.at(-1)) === 'debug') {
      super.debug(message, ...params);
    } else {
      super.log(message, ...params);
    }
  }

  // Start-up errors (init, listen) that Nest logs with their stack: bootstrap reports them itself.
  override error(message: unknown, ...params: unknown[]): void {
    if (STARTUP_ERROR_CONTEXTS.has(params.at(-1) as string)) {
      super.debug(message, ...params);
    } else {
      super.error(message, ...params);
    }
  }
}
