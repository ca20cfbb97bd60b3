import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { Registry } from 'prom-client';

import { MemoryStreamAdapter } from './memory-stream.adapter';
import { RedisStreamAdapter } from './redis-stream.adapter';
import { StreamMetrics } from './stream-metrics';
import { DEFAULT_MAX_LEN, StreamPort } from './stream.port';

export interface StreamsModuleOptions {
  /** Redis streams when set; in-memory streams (all-in-one app) otherwise. */
  redisUrl?: string;
  /** Default MAXLEN ~ per stream. */
  maxLen?: number;
  /** Where the consumer lag and dead-letter gauges are registered; none when omitted. */
  metricsRegistry?: Registry;
}

const REDIS_CONNECTION = Symbol('REDIS_STREAMS_CONNECTION');

/** Provides StreamPort: Redis streams or the in-memory adapter, chosen by configuration. */
@Module({})
export class StreamsModule implements OnApplicationShutdown {
  constructor(
    private readonly streams: StreamPort,
    @Inject(REDIS_CONNECTION) private readonly redis: Redis | null,
  ) {}

  static forRoot(options: StreamsModuleOptions = {}): DynamicModule {
    const maxLen = options.maxLen ?? DEFAULT_MAX_LEN;
    return {
      module: StreamsModule,
      global: true,
      providers: [
        {
          provide: REDIS_CONNECTION,
          useFactory: () => (options.redisUrl ? new Redis(options.redisUrl) : null),
        },
        {
          provide: StreamPort,
          useFactory: (redis: Redis | null) =>
            redis ? new RedisStreamAdapter(redis, maxLen) : new MemoryStreamAdapter(maxLen),
          inject: [REDIS_CONNECTION],
        },
        {
          provide: StreamMetrics,
          useFactory: (streams: StreamPort) =>
            options.metricsRegistry ? new StreamMetrics(streams, options.metricsRegistry) : null,
          inject: [StreamPort],
        },
      ],
      exports: [StreamPort],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.streams.close();
    await this.redis?.quit();
  }
}
