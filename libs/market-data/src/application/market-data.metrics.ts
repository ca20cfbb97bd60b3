import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Ingestion counters, registered in the given registry (one per app, so tests never collide). */
export class MarketDataMetrics {
  readonly ticksReceived: Counter<'symbol'>;
  readonly ticksIngested: Counter<'source'>;
  readonly feedLagSeconds: Histogram<'symbol'>;
  readonly bookAgeSeconds: Gauge<'symbol'>;
  private bookAges: () => ReadonlyMap<string, number> = () => new Map();
  readonly ticksDuplicate: Counter;
  readonly ticksDeadLettered: Counter<'stage' | 'symbol'>;
  readonly ticksRefused: Counter<'reason'>;
  readonly ticksSpooled: Counter<'symbol'>;
  readonly ticksReplayed: Counter;
  readonly spoolTornLines: Counter;
  readonly spoolBytes: Gauge;
  readonly batches: Counter<'outcome'>;
  readonly flushSeconds: Histogram;
  readonly bufferSize: Gauge;
  readonly gaps: Counter<'reason'>;
  readonly booksPublished: Counter;
  readonly booksSkipped: Counter;
  readonly publishFailures: Counter<'stream'>;
  readonly quietBooks: Gauge<'symbol'>;
  readonly quietBookEvents: Counter;
  /** The subscribed markets: the only values a `symbol` label of a not yet valid trade may take. */
  private markets = new Set<string>();

  constructor(readonly registry: Registry = new Registry()) {
    const registers = [registry];
    this.ticksReceived = new Counter({
      name: 'nexwave_ticks_received_total',
      help: 'Valid trades received from the exchange feed, by symbol',
      labelNames: ['symbol'],
      registers,
    });
    this.feedLagSeconds = new Histogram({
      name: 'nexwave_tick_feed_lag_seconds',
      help: 'From exchange trade time to stored in ticks, per live trade newly stored (its count: live trades stored per symbol)',
      labelNames: ['symbol'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    });
    const ages = () => this.bookAges();
    this.bookAgeSeconds = new Gauge({
      name: 'nexwave_order_book_age_seconds',
      help: 'Seconds since the last snapshot of each subscribed order book',
      labelNames: ['symbol'],
      registers,
      collect() {
        this.reset();
        for (const [symbol, seconds] of ages()) {
          this.set({ symbol }, seconds);
        }
      },
    });
    this.ticksIngested = new Counter({
      name: 'nexwave_ticks_ingested_total',
      help: 'Trades newly stored in ticks, by source (pacifica | backfill)',
      labelNames: ['source'],
      registers,
    });
    this.ticksDuplicate = new Counter({
      name: 'nexwave_ticks_duplicate_total',
      help: 'Trades not stored because the same trade was already stored',
      registers,
    });
    this.ticksDeadLettered = new Counter({
      name: 'nexwave_ticks_dead_lettered_total',
      help: 'Trades written to ticks_dead_letter, by stage (validation | database) and symbol (other: not a subscribed market)',
      labelNames: ['stage', 'symbol'],
      registers,
    });
    this.ticksRefused = new Counter({
      name: 'nexwave_ticks_refused_total',
      help: 'Trades not stored: beyond the buffer with no spool (buffer_full), beyond the spool (spool_full), or neither stored nor spooled at shutdown (shutdown)',
      labelNames: ['reason'],
      registers,
    });
    this.ticksSpooled = new Counter({
      name: 'nexwave_ticks_spooled_total',
      help: 'Trades appended to the on-disk spool because the database could not take them',
      labelNames: ['symbol'],
      registers,
    });
    this.ticksReplayed = new Counter({
      name: 'nexwave_ticks_replayed_total',
      help: 'Spooled trades written to the database (new or already stored)',
      registers,
    });
    this.spoolTornLines = new Counter({
      name: 'nexwave_tick_spool_torn_lines_total',
      help: 'Spool lines skipped on replay: cut short by a crash, or not a trade',
      registers,
    });
    this.spoolBytes = new Gauge({
      name: 'nexwave_tick_spool_bytes',
      help: 'Bytes held in the on-disk tick spool',
      registers,
    });
    this.batches = new Counter({
      name: 'nexwave_tick_batches_total',
      help: 'Tick batch writes by outcome (stored | split | retried)',
      labelNames: ['outcome'],
      registers,
    });
    this.flushSeconds = new Histogram({
      name: 'nexwave_tick_flush_seconds',
      help: 'Time to write one tick batch, retries excluded',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.bufferSize = new Gauge({
      name: 'nexwave_tick_buffer_size',
      help: 'Trades queued or in flight to the database',
      registers,
    });
    this.gaps = new Counter({
      name: 'nexwave_market_data_gaps_total',
      help: 'Trade gaps detected, by reason (reconnect | buffer_full)',
      labelNames: ['reason'],
      registers,
    });
    this.booksPublished = new Counter({
      name: 'nexwave_order_books_published_total',
      help: 'Order-book snapshots appended to orderbook:{SYMBOL}',
      registers,
    });
    this.booksSkipped = new Counter({
      name: 'nexwave_order_books_skipped_total',
      help: 'Snapshots not published because too many appends were in flight (the next one supersedes)',
      registers,
    });
    this.publishFailures = new Counter({
      name: 'nexwave_stream_publish_failures_total',
      help: 'Stream appends that failed, by stream kind',
      labelNames: ['stream'],
      registers,
    });
    this.quietBooks = new Gauge({
      name: 'nexwave_order_book_quiet',
      help: '1 while a subscribed book has sent no snapshot for longer than the quiet threshold',
      labelNames: ['symbol'],
      registers,
    });
    this.quietBookEvents = new Counter({
      name: 'nexwave_order_book_quiet_total',
      help: 'Times a book went quiet while subscribed',
      registers,
    });
  }

  /** Where the book-age gauge reads, at each scrape, the seconds since each book's last snapshot. */
  observeBookAges(ages: () => ReadonlyMap<string, number>): void {
    this.bookAges = ages;
  }

  /** Sum of a metric's samples whose labels include `labels`; for tests and health output. */
  /** The markets ingestion subscribed to (bounds the `symbol` label of invalid trades). */
  watchMarkets(symbols: readonly string[]): void {
    this.markets = new Set(symbols);
  }

  /** `symbol` when it is a subscribed market, `other` otherwise (a malformed trade's symbol). */
  marketLabel(symbol: string | null): string {
    return symbol !== null && this.markets.has(symbol) ? symbol : 'other';
  }

  async total(metric: Counter<string> | Gauge<string>, labels: Record<string, string> = {}) {
    const { values } = await metric.get();
    return values
      .filter((sample) =>
        Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
      )
      .reduce((sum, sample) => sum + sample.value, 0);
  }
}
