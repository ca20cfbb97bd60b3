import { Logger } from '@nestjs/common';
import type { Command, ICommandBus } from '@nestjs/cqrs';

import { sleep, type Clock } from '@nexwave/core';

import { planBackfill, type HistoricalTrade } from '../../domain/backfill';
import { GapDetector, type TradeGap } from '../../domain/gap-detector';
import { normaliseOrderBook, type OrderBook, type RawOrderBook } from '../../domain/order-book';
import { QuietBookDetector } from '../../domain/quiet-book-detector';
import { normaliseTrade, type RawTrade, type Tick } from '../../domain/tick';
import { DeadLetterTradeCommand } from '../commands/dead-letter-trade.command';
import { RecordGapCommand } from '../commands/record-gap.command';
import { StoreTradesCommand } from '../commands/store-trades.command';
import type { MarketDataMetrics } from '../market-data.metrics';
import type { MarketFeedPort } from '../ports/market-feed.port';
import type { MarketStreamPublisherPort } from '../ports/market-stream-publisher.port';
import type { GapRecord } from '../ports/tick-store.port';
import type { TickWriter } from './tick-writer';

export interface IngestionOptions {
  /** Markets to ingest (exact case); undefined = every market the exchange lists. */
  symbols?: readonly string[];
  /** A subscribed book silent this long is reported quiet. */
  quietAfterMs: number;
  /** Appends in flight beyond which a book snapshot is skipped (and counted). */
  maxBooksInFlight: number;
  /** Wait between attempts to list the exchange's markets. */
  listRetryMs: number;
}

export const DEFAULT_INGESTION_OPTIONS: IngestionOptions = {
  quietAfterMs: 10_000,
  maxBooksInFlight: 1_000,
  listRetryMs: 2_000,
};

/** What the ingestion reports as it happens; tests await these instead of sleeping. */
export interface IngestionEvents {
  started: { symbols: string[] };
  quiet: { symbol: string; silentMs: number };
  resumed: { symbol: string };
  gap: GapRecord;
  /** Every normalised book snapshot (RECORD_BOOKS listens). */
  book: OrderBook;
}

type Listener<E extends keyof IngestionEvents> = (event: IngestionEvents[E]) => void;

/**
 * Live market data, a plain streaming service: books are normalised and published to
 * `orderbook:{SYMBOL}`; trades are normalised, stored by a StoreTradesCommand per market and
 * feed message (the TickWriter batches them) and published to `trades:{SYMBOL}`. Invalid trades
 * are dead-lettered with their reason (DeadLetterTradeCommand). After a reconnect the first trade of each
 * market closes a gap, which is backfilled from the exchange's recent trades (stored with source
 * `backfill`); what the history cannot fill is recorded as unfilled (RecordGapCommand). Quiet books are reported.
 */
export class MarketDataIngestion {
  private readonly logger = new Logger(MarketDataIngestion.name);
  private readonly gaps = new GapDetector();
  private readonly quiet: QuietBookDetector;
  private readonly listeners = new Map<keyof IngestionEvents, Set<Listener<never>>>();
  private readonly backfills = new Set<Promise<void>>();
  private quietTimer: NodeJS.Timeout | null = null;
  private booksInFlight = 0;
  private running = false;
  private starting: Promise<void> | null = null;
  private subscribed: string[] = [];
  /** Aborted by stop(): ends the wait between attempts to list the markets. */
  private readonly stopSignal = new AbortController();

  constructor(
    private readonly feed: MarketFeedPort,
    private readonly writer: TickWriter,
    private readonly commands: ICommandBus,
    private readonly publisher: MarketStreamPublisherPort,
    private readonly metrics: MarketDataMetrics,
    private readonly clock: Clock,
    private readonly options: IngestionOptions,
  ) {
    this.quiet = new QuietBookDetector(options.quietAfterMs);
    metrics.observeBookAges(() => this.bookAgesSeconds());
  }

  /** Seconds since each subscribed book's last snapshot. */
  bookAgesSeconds(): Map<string, number> {
    const silences = this.quiet.silences(this.now());
    return new Map([...silences].map(([symbol, ms]) => [symbol, ms / 1_000]));
  }

  on<E extends keyof IngestionEvents>(event: E, listener: Listener<E>): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  /**
   * Starts replaying what an earlier run spooled, resolves the markets and subscribes; retries
   * listing markets until it succeeds or stops.
   */
  start(): Promise<void> {
    this.running = true;
    this.starting ??= this.writer.start().then(() => this.subscribe());
    return this.starting;
  }

  get symbols(): readonly string[] {
    return this.subscribed;
  }

  /** Stops the feed and timers, waits for backfills, then flushes the writer. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.quietTimer) {
      clearInterval(this.quietTimer);
      this.quietTimer = null;
    }
    this.stopSignal.abort();
    await this.feed.stop();
    await Promise.allSettled([...this.backfills]);
    await this.writer.stop();
  }

  /** Checks for quiet books now (the timer calls this every quarter of the threshold). */
  checkQuietBooks(): void {
    for (const { symbol, silentMs } of this.quiet.check(this.now())) {
      this.logger.warn(`Order book ${symbol} quiet for ${silentMs} ms while subscribed`);
      this.metrics.quietBooks.set({ symbol }, 1);
      this.metrics.quietBookEvents.inc();
      this.emit('quiet', { symbol, silentMs });
    }
  }

  private async subscribe(): Promise<void> {
    const symbols = await this.resolveSymbols();
    if (!symbols || !this.running) {
      return;
    }
    const now = this.now();
    const connection = this.feed.connection();
    for (const symbol of symbols) {
      this.gaps.watch(symbol, now, connection);
      this.quiet.watch(symbol, now);
    }
    this.subscribed = symbols;
    this.metrics.watchMarkets(symbols);
    this.quietTimer = setInterval(
      () => this.checkQuietBooks(),
      Math.max(10, this.options.quietAfterMs / 4),
    );
    await this.feed.start(symbols, {
      onBook: (book) => this.onBook(book),
      onTrades: (trades) => this.onTrades(trades),
    });
    this.logger.log(`Ingesting ${symbols.length} markets: ${symbols.join(', ')}`);
    this.emit('started', { symbols });
  }

  private async resolveSymbols(): Promise<string[] | null> {
    if (this.options.symbols) {
      return [...this.options.symbols];
    }
    while (this.running) {
      try {
        return await this.feed.listSymbols();
      } catch (error) {
        this.logger.warn(`Cannot list the exchange's markets, retrying: ${String(error)}`);
        if (!(await sleep(this.options.listRetryMs, this.stopSignal.signal))) {
          return null;
        }
      }
    }
    return null;
  }

  private onBook(raw: RawOrderBook): void {
    if (this.quiet.updated(raw.symbol, this.now())) {
      this.logger.log(`Order book ${raw.symbol} updating again`);
      this.metrics.quietBooks.set({ symbol: raw.symbol }, 0);
      this.emit('resumed', { symbol: raw.symbol });
    }
    if (this.booksInFlight >= this.options.maxBooksInFlight) {
      this.metrics.booksSkipped.inc();
      return;
    }
    const book = normaliseOrderBook(raw);
    this.emit('book', book);
    this.booksInFlight++;
    this.publisher
      .publishBook(book)
      .then(() => this.metrics.booksPublished.inc())
      .catch(() => this.metrics.publishFailures.inc({ stream: 'orderbook' }))
      .finally(() => this.booksInFlight--);
  }

  private onTrades(raws: readonly RawTrade[]): void {
    const connection = this.feed.connection();
    const bySymbol = new Map<string, Tick[]>();
    for (const raw of raws) {
      const normalised = normaliseTrade(raw, 'pacifica');
      if (!normalised.ok) {
        this.dispatch(
          new DeadLetterTradeCommand({
            symbol: raw.symbol || null,
            tradeId: raw.tradeId || null,
            payload: raw,
            reason: normalised.reason,
          }),
        );
        continue;
      }
      const tick = normalised.tick;
      const gap = this.gaps.observe(tick.symbol, tick.time.getTime(), connection);
      if (gap) {
        this.backfill(gap);
      }
      const ticks = bySymbol.get(tick.symbol) ?? [];
      ticks.push(tick);
      bySymbol.set(tick.symbol, ticks);
    }
    for (const [symbol, ticks] of bySymbol) {
      this.metrics.ticksReceived.inc({ symbol }, ticks.length);
      this.dispatch(new StoreTradesCommand(ticks));
      this.publisher
        .publishTrades(symbol, ticks)
        .catch(() => this.metrics.publishFailures.inc({ stream: 'trades' }));
    }
  }

  /** The handlers only queue into the TickWriter: a failure here is a wiring fault, logged. */
  private dispatch(command: Command<void>): void {
    this.commands.execute(command).catch((error: unknown) => {
      this.logger.error({ err: error }, `${command.constructor.name} failed`);
    });
  }

  private backfill(gap: TradeGap): void {
    this.metrics.gaps.inc({ reason: 'reconnect' });
    const run = this.fillGap(gap).finally(() => this.backfills.delete(run));
    this.backfills.add(run);
  }

  private async fillGap(gap: TradeGap): Promise<void> {
    const window = `${gap.from.toISOString()} .. ${gap.to.toISOString()}`;
    let history: HistoricalTrade[] = [];
    // Without an answer the history counts as truncated before the gap: all of it is unfilled.
    let historyLimit = 0;
    try {
      history = await this.feed.recentTrades(gap.symbol);
      historyLimit = this.feed.historyLimit;
    } catch (error) {
      this.logger.warn(`Cannot backfill ${gap.symbol} ${window}: ${String(error)}`);
    }
    const plan = planBackfill(gap, history, historyLimit);
    const ticks: Tick[] = [];
    for (const raw of plan.trades) {
      const normalised = normaliseTrade(raw, 'backfill');
      if (normalised.ok) {
        ticks.push(normalised.tick);
      }
    }
    this.dispatch(new StoreTradesCommand(ticks));
    const record: GapRecord = {
      symbol: gap.symbol,
      from: gap.from,
      to: gap.to,
      reason: 'reconnect',
      backfilledTrades: ticks.length,
      unfilled: plan.unfilled,
    };
    this.dispatch(new RecordGapCommand(record));
    const unfilled = plan.unfilled
      ? `; unfilled ${plan.unfilled.from.toISOString()} .. ${plan.unfilled.to.toISOString()}`
      : '';
    this.logger.warn(
      `Trade gap after reconnect on ${gap.symbol} ${window}: backfilled ${ticks.length}${unfilled}`,
    );
    this.emit('gap', record);
  }

  private emit<E extends keyof IngestionEvents>(event: E, payload: IngestionEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      (listener as Listener<E>)(payload);
    }
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}
