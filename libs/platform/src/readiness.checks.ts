import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  HealthIndicatorService,
  TypeOrmHealthIndicator,
  type HealthIndicatorFunction,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { Registry, type Metric } from 'prom-client';

import { KafkaMonitor, StreamPort } from '@nexwave/messaging';

const TIMEOUT_MS = 3_000;
/** A subscribed order book silent this long makes market-data not ready (the stale-feed alert). */
export const FEED_STALE_AFTER_SECONDS = 30;
/** Set by market-data's ingestion (the apps that run it); absent elsewhere, so no feed check. */
const BOOK_AGE_METRIC = 'nexwave_order_book_age_seconds';

/**
 * What /health/ready checks: the database, the streams, Kafka where the app uses the Kafka
 * transport, and the exchange feed where one runs.
 */
@Injectable()
export class ReadinessChecks {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly database: TypeOrmHealthIndicator,
    // Optional so that HealthModule also serves a bare test module (without streams or metrics).
    @Inject(StreamPort) @Optional() private readonly streams: StreamPort | null,
    @Inject(Registry) @Optional() private readonly registry: Registry | null,
    // Present only with the Kafka transport.
    @Inject(KafkaMonitor) @Optional() private readonly kafka: KafkaMonitor | null,
  ) {}

  all(): HealthIndicatorFunction[] {
    const checks: HealthIndicatorFunction[] = [
      () => this.database.pingCheck('database', { timeout: TIMEOUT_MS }),
    ];
    const streams = this.streams;
    if (streams) {
      checks.push(() => this.streamsCheck(streams));
    }
    const kafka = this.kafka;
    if (kafka) {
      checks.push(() => this.kafkaCheck(kafka));
    }
    const bookAge = this.registry?.getSingleMetric(BOOK_AGE_METRIC);
    if (bookAge) {
      checks.push(() => this.feedCheck(bookAge));
    }
    return checks;
  }

  private async streamsCheck(port: StreamPort): Promise<HealthIndicatorResult> {
    const streams = this.indicators.check('streams');
    try {
      await withTimeout(port.list('orderbook:'), TIMEOUT_MS);
      return streams.up();
    } catch {
      return streams.down();
    }
  }

  private async kafkaCheck(monitor: KafkaMonitor): Promise<HealthIndicatorResult> {
    const kafka = this.indicators.check('kafka');
    try {
      await withTimeout(monitor.ping(), TIMEOUT_MS);
      return kafka.up();
    } catch {
      return kafka.down();
    }
  }

  /** Fresh when every subscribed book sent a snapshot within FEED_STALE_AFTER_SECONDS. */
  private async feedCheck(bookAge: Metric): Promise<HealthIndicatorResult> {
    const feed = this.indicators.check('exchange_feed');
    const { values } = await bookAge.get();
    const stale = values
      .filter(({ value }) => value > FEED_STALE_AFTER_SECONDS)
      .map(({ labels }) => String(labels['symbol']));
    return stale.length === 0 ? feed.up() : feed.down({ stale });
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
