import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Registry } from 'prom-client';

import { DatabaseMetrics } from './database-metrics';
import { HttpMetrics } from './http-metrics';
import { MetricsController } from './metrics.controller';

/**
 * The app's registry, provided globally under prom-client's `Registry` class: a context's metrics
 * inject it and register there, and GET /metrics serves it. Also times HTTP requests and database
 * statements.
 */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(registry: Registry): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [
        { provide: Registry, useValue: registry },
        { provide: HttpMetrics, useFactory: () => new HttpMetrics(registry) },
        DatabaseMetrics,
      ],
      exports: [Registry, HttpMetrics],
    };
  }
}
