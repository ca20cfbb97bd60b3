import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Registry } from 'prom-client';

import { CqrsMetrics, UnhandledExceptionsLogger } from './unhandled-exceptions.logger';

/**
 * Imported by every app (platformImports). Uses the plain `CqrsModule`, as the contexts do, so
 * that all of them share one set of buses and this one subscription sees every exception.
 */
@Module({
  imports: [CqrsModule],
  providers: [
    {
      provide: CqrsMetrics,
      useFactory: (registry?: Registry) => new CqrsMetrics(registry),
      inject: [{ token: Registry, optional: true }],
    },
    UnhandledExceptionsLogger,
  ],
  exports: [CqrsMetrics],
})
export class CqrsErrorsModule {}
