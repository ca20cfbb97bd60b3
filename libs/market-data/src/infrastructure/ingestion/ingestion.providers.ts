import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type Provider,
} from '@nestjs/common';
import { CommandBus, EventBus } from '@nestjs/cqrs';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';

import { APP_CONFIG, type ConfigOf } from '@nexwave/config';
import { systemClock } from '@nexwave/core';
import { StreamPort } from '@nexwave/messaging';
import { PACIFICA_ENDPOINTS, type PacificaEndpoints } from '@nexwave/pacifica';

import { BookRecorder } from '../../application/ingestion/book-recorder';
import {
  DEFAULT_INGESTION_OPTIONS,
  MarketDataIngestion,
} from '../../application/ingestion/market-data-ingestion';
import { DEFAULT_TICK_WRITER_OPTIONS, TickWriter } from '../../application/ingestion/tick-writer';
import { MarketDataMetrics } from '../../application/market-data.metrics';
import { MarketFeedPort } from '../../application/ports/market-feed.port';
import { MarketStreamPublisherPort } from '../../application/ports/market-stream-publisher.port';
import { TickSpoolPort } from '../../application/ports/tick-spool.port';
import { TickStorePort } from '../../application/ports/tick-store.port';
import { DEFAULT_TICK_BUFFER_POLICY } from '../../domain/tick-buffer';
import { PacificaMarketFeed } from '../exchange/pacifica-market.feed';
import { TypeOrmBookSnapshotStore } from '../persistence/typeorm-book-snapshot.store';
import { TypeOrmTickStore } from '../persistence/typeorm-tick.store';
import { FileTickSpool } from '../spool/file-tick.spool';
import { StreamMarketPublisher } from '../streams/stream-market.publisher';

/** About 10 s of snapshots at 100 ms, or the latest 10,000 trades, per market stream. */
const STREAM_MAX_LEN = 10_000;

/** A replay reads one segment at a time: about 120,000 trades. */
const SPOOL_SEGMENT_BYTES = 8 * 2 ** 20;

/** About 3 hours of one symbol's snapshots at one a second, held while the database is down. */
const BOOK_RECORDER_BUFFER = 10_000;

/**
 * Starts the ingestion (and the book recorder, when RECORD_BOOKS) once the app is up, without
 * holding up the boot, and stops them first on close.
 */
@Injectable()
export class IngestionLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(IngestionLifecycle.name);

  constructor(
    private readonly ingestion: MarketDataIngestion,
    @Inject(BookRecorder) private readonly recorder: BookRecorder | null,
  ) {}

  onApplicationBootstrap(): void {
    const recorder = this.recorder;
    if (recorder) {
      this.ingestion.on('book', (book) => recorder.offer(book));
      recorder.start();
    }
    this.ingestion.start().catch((error: unknown) => {
      this.logger.error(`Market-data ingestion failed to start: ${String(error)}`);
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.ingestion.stop();
    await this.recorder?.stop();
  }
}

/**
 * Ingestion wiring; every adapter follows from what the app provides: the DataSource (embedded
 * or server, the write path is chosen from the server itself), StreamPort (memory or Redis, by
 * StreamsModule), PACIFICA_ENDPOINTS (simulator or Pacifica) and the config's SYMBOLS.
 */
export const INGESTION_PROVIDERS: Provider[] = [
  {
    provide: MarketDataMetrics,
    useFactory: (registry?: Registry) => new MarketDataMetrics(registry),
    inject: [{ token: Registry, optional: true }],
  },
  {
    provide: TickStorePort,
    useFactory: (dataSource: DataSource) => new TypeOrmTickStore(dataSource),
    inject: [DataSource],
  },
  {
    provide: TickSpoolPort,
    useFactory: (config: ConfigOf<'market-data'>) =>
      new FileTickSpool({
        dir: config.marketData.tickSpoolDir,
        maxBytes: config.marketData.tickSpoolMaxBytes,
        segmentBytes: SPOOL_SEGMENT_BYTES,
      }),
    inject: [APP_CONFIG],
  },
  {
    provide: TickWriter,
    useFactory: (
      store: TickStorePort,
      spool: TickSpoolPort,
      metrics: MarketDataMetrics,
      events: EventBus,
    ) =>
      new TickWriter(store, metrics, {
        ...DEFAULT_TICK_WRITER_OPTIONS,
        buffer: DEFAULT_TICK_BUFFER_POLICY,
        spool,
        onStored: (event) => {
          events.publish(event);
        },
      }),
    inject: [TickStorePort, TickSpoolPort, MarketDataMetrics, EventBus],
  },
  {
    provide: MarketStreamPublisherPort,
    useFactory: (streams: StreamPort) => new StreamMarketPublisher(streams, STREAM_MAX_LEN),
    inject: [StreamPort],
  },
  {
    provide: MarketFeedPort,
    useFactory: (endpoints: PacificaEndpoints) =>
      new PacificaMarketFeed({ restUrl: endpoints.restUrl, wsUrl: endpoints.wsUrl }),
    inject: [PACIFICA_ENDPOINTS],
  },
  {
    provide: MarketDataIngestion,
    useFactory: (
      feed: MarketFeedPort,
      writer: TickWriter,
      commands: CommandBus,
      publisher: MarketStreamPublisherPort,
      metrics: MarketDataMetrics,
      config: ConfigOf<'market-data'>,
    ) =>
      new MarketDataIngestion(feed, writer, commands, publisher, metrics, systemClock, {
        ...DEFAULT_INGESTION_OPTIONS,
        symbols: config.trading.symbols,
      }),
    inject: [
      MarketFeedPort,
      TickWriter,
      CommandBus,
      MarketStreamPublisherPort,
      MarketDataMetrics,
      APP_CONFIG,
    ],
  },
  {
    provide: BookRecorder,
    useFactory: (dataSource: DataSource, config: ConfigOf<'market-data'>) => {
      const recording = config.marketData.recordBooks;
      return recording === null
        ? null
        : new BookRecorder(new TypeOrmBookSnapshotStore(dataSource), {
            ...recording,
            maxBuffered: BOOK_RECORDER_BUFFER,
          });
    },
    inject: [DataSource, APP_CONFIG],
  },
  IngestionLifecycle,
];

/** What the module exports of the ingestion (tests drive `flush()`, read metrics; BookRecorder is null unless RECORD_BOOKS). */
export const INGESTION_EXPORTS = [MarketDataIngestion, TickWriter, MarketDataMetrics, BookRecorder];
