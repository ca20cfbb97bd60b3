import { Logger } from '@nestjs/common';

import { backoffDelay, sleep, systemClock, type BackoffPolicy, type Clock } from '@nexwave/core';

import type { Tick } from '../../domain/tick';
import { TickBuffer, type TickBufferPolicy } from '../../domain/tick-buffer';
import { TradesStoredEvent } from '../events/trades-stored.event';
import type { MarketDataMetrics } from '../market-data.metrics';
import type { TickSpoolPort } from '../ports/tick-spool.port';
import {
  TickRowsRejectedError,
  type DeadLetter,
  type GapRecord,
  type TickStorePort,
} from '../ports/tick-store.port';

export interface TickWriterOptions {
  buffer: TickBufferPolicy;
  /** Backoff while the database is unavailable: base * 2^attempt, capped. */
  retry: BackoffPolicy;
  /** Attempts left for what is still queued when the writer stops. */
  shutdownAttempts: number;
  /** Where trades go that the database cannot take (buffer full, or shutdown); null: refused. */
  spool?: TickSpoolPort | null;
  clock: Clock;
  /** Told of each stored batch (the module publishes it on the EventBus). */
  onStored?: (event: TradesStoredEvent) => void;
}

export const DEFAULT_TICK_WRITER_OPTIONS: Omit<TickWriterOptions, 'buffer'> = {
  retry: { baseDelayMs: 100, maxDelayMs: 5_000 },
  shutdownAttempts: 3,
  clock: systemClock,
};

const GAVE_UP = Symbol('gave up');

interface RefusedWindow {
  from: number;
  to: number;
  count: number;
}

type RefusalReason = 'buffer_full' | 'spool_full' | 'shutdown';

/** The spool segment being written to the database. */
interface Replay {
  segment: string;
  ticks: Tick[];
  next: number;
}

/**
 * Writes trades to the TickStorePort in batches (by size and by age, see TickBuffer), behind a
 * bounded buffer. While the database is unavailable a batch is retried with backoff and the
 * buffer fills; beyond its capacity trades go to the on-disk spool, and so does whatever is
 * still unwritten at shutdown. The spool is replayed (oldest first, a segment removed only once
 * all its trades are stored) whenever the buffer is not due: after an outage and at `start`,
 * which picks up what an earlier run left. Beyond the spool's bound, or without one, trades are
 * refused, counted, and their time window logged and recorded as a gap. A batch the database
 * refuses for its content is bisected until the bad rows are isolated and dead-lettered with the
 * reason; the rest is stored. Nothing is retried forever for what it contains, and nothing is
 * dropped without a count.
 */
export class TickWriter {
  private readonly logger = new Logger(TickWriter.name);
  private readonly buffer: TickBuffer<Tick>;
  private deadLetters: DeadLetter[] = [];
  private gaps: GapRecord[] = [];
  private readonly refusedWindows = new Map<string, RefusedWindow>();
  private draining: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Aborted by stop(): a retry waiting out its backoff tries again at once. */
  private readonly stopSignal = new AbortController();
  private stopping = false;
  private unavailableSince: number | null = null;
  private spooling: Promise<void> = Promise.resolve();
  private spoolQueue: (readonly Tick[])[] = [];
  private appending = false;
  private gaveUp = false;
  /** Something was appended since the spool was last sealed for replay. */
  private spoolDirty = false;
  private segments: string[] = [];
  private replay: Replay | null = null;
  private readonly unreadableSegments = new Set<string>();

  constructor(
    private readonly store: TickStorePort,
    private readonly metrics: MarketDataMetrics,
    private readonly options: TickWriterOptions,
  ) {
    this.buffer = new TickBuffer(options.buffer);
  }

  /** Queued or in-flight trades. */
  get size(): number {
    return this.buffer.size;
  }

  /** Finds what an earlier run spooled and starts replaying it. */
  async start(): Promise<void> {
    const spool = this.options.spool;
    if (!spool) {
      return;
    }
    try {
      await spool.open();
    } catch (error) {
      this.logger.error(`Cannot read the tick spool: ${String(error)}`);
      return;
    }
    this.metrics.spoolBytes.set(spool.bytes);
    if (spool.pending) {
      this.logger.log(`Replaying ${spool.bytes} bytes of spooled trades left by an earlier run`);
      this.spoolDirty = true;
      this.schedule();
    }
  }

  /**
   * Queues trades for writing; returns how many did not fit in the buffer (or came after stop):
   * those go to the spool, and are refused and counted only where the spool cannot take them.
   */
  accept(ticks: readonly Tick[]): number {
    if (ticks.length === 0) {
      return 0;
    }
    const { refused } = this.stopping ? { refused: ticks } : this.buffer.offer(ticks, this.now());
    if (refused.length > 0) {
      this.toSpool(refused);
    } else {
      this.closeRefusedWindows();
    }
    this.metrics.bufferSize.set(this.buffer.size);
    this.schedule();
    return refused.length;
  }

  /** Exchange time to stored, for live trades; a batch with duplicates (a replay) is not timed. */
  private observeFeedLag(stored: readonly Tick[], duplicates: number): void {
    if (duplicates > 0) {
      return;
    }
    const now = this.options.clock.now().getTime();
    for (const tick of stored) {
      if (tick.source === 'pacifica') {
        this.metrics.feedLagSeconds.observe(
          { symbol: tick.symbol },
          Math.max(0, now - tick.time.getTime()) / 1_000,
        );
      }
    }
  }

  /** A trade rejected before storage (validation): stored in the dead-letter table. */
  deadLetter(letter: DeadLetter): void {
    this.deadLetters.push(letter);
    this.metrics.ticksDeadLettered.inc({
      stage: 'validation',
      symbol: this.metrics.marketLabel(letter.symbol),
    });
    this.schedule();
  }

  recordGap(gap: GapRecord): void {
    this.gaps.push(gap);
    this.schedule();
  }

  /** Writes everything queued now, waiting (with retries) until the database took it. */
  async flush(): Promise<void> {
    while (this.draining) {
      await this.draining;
    }
    await this.runDrain(true);
  }

  /**
   * Stops accepting, then tries `shutdownAttempts` times to write what is queued (once in all,
   * not per batch); what still cannot be written goes to the spool, or, where it cannot, is
   * counted as refused and logged.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.stopSignal.abort();
    await this.flush();
    await this.spooling;
    if (this.refusedWindows.size > 0) {
      // Refusals the buffer never recovered from: reported now, stored if the database can.
      this.closeRefusedWindows();
      await this.flush();
    }
    await this.options.spool?.close();
  }

  private schedule(): void {
    if (this.draining) {
      return;
    }
    const sideWork = this.deadLetters.length > 0 || this.gaps.length > 0 || this.replayWanted();
    const wait = sideWork ? 0 : this.buffer.msUntilDue(this.now());
    if (wait === null || this.stopping) {
      return;
    }
    if (wait <= 0) {
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
      }
      void this.runDrain(false);
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.schedule();
      }, wait);
    }
  }

  private runDrain(all: boolean): Promise<void> {
    const run = this.drain(all).finally(() => {
      if (this.draining === run) {
        this.draining = null;
      }
      this.metrics.bufferSize.set(this.buffer.size);
      this.schedule();
    });
    this.draining = run;
    return run;
  }

  /** Side work, then due batches of the buffer, then the spool, until nothing is left to do. */
  private async drain(all: boolean): Promise<void> {
    for (;;) {
      if (!(await this.writeSideWork())) {
        this.abandonQueued();
        return;
      }
      if (all ? this.buffer.queued > 0 : this.buffer.isDue(this.now())) {
        await this.writeQueued(this.buffer.take(this.now()));
        this.metrics.bufferSize.set(this.buffer.size);
      } else if (!(await this.replayStep())) {
        return;
      }
    }
  }

  private async writeQueued(batch: Tick[]): Promise<void> {
    const unwritten = await this.writeBatch(batch);
    this.buffer.settle(batch.length);
    if (unwritten.length > 0) {
      this.toSpool(unwritten);
    }
  }

  private replayWanted(): boolean {
    return !this.stopping && (this.replay !== null || this.segments.length > 0 || this.spoolDirty);
  }

  /**
   * Writes the next batch of the spool, or removes a segment all of whose trades are stored, or
   * seals what was appended since the last replay; false when there was nothing to do (or the
   * writer stopped before the database took the batch: the segment stays for the next run).
   */
  private async replayStep(): Promise<boolean> {
    const spool = this.options.spool;
    if (!spool || !this.replayWanted()) {
      return false;
    }
    if (!this.replay && this.segments.length === 0) {
      this.spoolDirty = false;
      this.segments = (await spool.seal()).filter((name) => !this.unreadableSegments.has(name));
      return this.segments.length > 0;
    }
    if (!this.replay) {
      this.replay = await this.readSegment(spool, this.segments.shift()!);
      return true;
    }
    const replay = this.replay;
    if (replay.next < replay.ticks.length) {
      const batch = replay.ticks.slice(replay.next, replay.next + this.options.buffer.batchSize);
      if ((await this.writeBatch(batch)).length > 0) {
        return false;
      }
      replay.next += batch.length;
      this.metrics.ticksReplayed.inc(batch.length);
      return true;
    }
    this.replay = null;
    try {
      await spool.remove(replay.segment);
      this.logger.log(`Replayed ${replay.ticks.length} spooled trades (${replay.segment})`);
    } catch (error) {
      this.unreadableSegments.add(replay.segment);
      this.logger.error(`Replayed ${replay.segment} but cannot remove it: ${String(error)}`);
    }
    this.metrics.spoolBytes.set(spool.bytes);
    return true;
  }

  private async readSegment(spool: TickSpoolPort, segment: string): Promise<Replay | null> {
    try {
      const { ticks, torn } = await spool.read(segment);
      if (torn > 0) {
        this.metrics.spoolTornLines.inc(torn);
        this.logger.warn(`Skipped ${torn} torn or unreadable lines of spool segment ${segment}`);
      }
      return { segment, ticks, next: 0 };
    } catch (error) {
      this.unreadableSegments.add(segment);
      this.logger.error(`Cannot read spool segment ${segment}, left in place: ${String(error)}`);
      return null;
    }
  }

  /**
   * Appends to the spool in order; what it cannot take is refused and counted. What arrives
   * while an append is being synced goes in the next one (one sync per append, see the bench).
   */
  private toSpool(ticks: readonly Tick[]): void {
    const spool = this.options.spool;
    if (!spool) {
      this.refuse(ticks, this.stopping ? 'shutdown' : 'buffer_full');
      return;
    }
    this.spoolQueue.push(ticks);
    if (!this.appending) {
      this.spooling = this.appendQueued(spool);
    }
  }

  private async appendQueued(spool: TickSpoolPort): Promise<void> {
    this.appending = true;
    while (this.spoolQueue.length > 0) {
      const ticks = this.spoolQueue.flat();
      this.spoolQueue = [];
      let overflow: readonly Tick[];
      try {
        overflow = await spool.append(ticks);
      } catch (error) {
        this.logger.error(`Cannot append ${ticks.length} trades to the spool: ${String(error)}`);
        overflow = ticks;
      }
      if (ticks.length > overflow.length) {
        this.countSpooled(ticks, overflow);
        this.spoolDirty = true;
      }
      this.metrics.spoolBytes.set(spool.bytes);
      if (overflow.length > 0) {
        this.refuse(overflow, this.stopping ? 'shutdown' : 'spool_full');
      }
    }
    this.appending = false;
    this.schedule();
  }

  private countSpooled(ticks: readonly Tick[], overflow: readonly Tick[]): void {
    const spooled = new Map<string, number>();
    ticks.forEach(({ symbol }) => spooled.set(symbol, (spooled.get(symbol) ?? 0) + 1));
    overflow.forEach(({ symbol }) => spooled.set(symbol, (spooled.get(symbol) ?? 0) - 1));
    for (const [symbol, count] of spooled) {
      if (count > 0) {
        this.metrics.ticksSpooled.inc({ symbol }, count);
      }
    }
  }

  /** Dead letters and gap records; false when the writer gave up on them at shutdown. */
  private async writeSideWork(): Promise<boolean> {
    if (this.deadLetters.length > 0) {
      const letters = this.deadLetters;
      this.deadLetters = [];
      const done = await this.retrying('dead letters', () => this.store.deadLetter(letters));
      if (done === GAVE_UP) {
        this.logger.error(`${letters.length} dead letters could not be stored at shutdown`);
        return false;
      }
    }
    while (this.gaps.length > 0) {
      const gap = this.gaps[0];
      const done = await this.retrying('gap record', () => this.store.recordGap(gap));
      if (done === GAVE_UP) {
        this.logger.error(`${this.gaps.length} gap records could not be stored at shutdown`);
        return false;
      }
      this.gaps.shift();
    }
    return true;
  }

  /**
   * Stores a batch, bisecting on rejected rows (dead-lettered); returns what is still unwritten
   * when the writer gave up at shutdown.
   */
  private async writeBatch(batch: Tick[]): Promise<Tick[]> {
    const pieces = [batch];
    while (pieces.length > 0) {
      const piece = pieces.pop()!;
      const started = performance.now();
      const result = await this.retrying('tick batch', () => this.store.insert(piece));
      if (result === GAVE_UP) {
        return [piece, ...pieces.reverse()].flat();
      }
      if (result instanceof TickRowsRejectedError) {
        if (piece.length === 1) {
          this.deadLetters.push({
            symbol: piece[0].symbol,
            tradeId: piece[0].tradeId,
            payload: piece[0],
            reason: result.reason,
          });
          this.metrics.ticksDeadLettered.inc({ stage: 'database', symbol: piece[0].symbol });
        } else {
          this.metrics.batches.inc({ outcome: 'split' });
          const middle = Math.ceil(piece.length / 2);
          pieces.push(piece.slice(middle), piece.slice(0, middle));
        }
        continue;
      }
      this.metrics.flushSeconds.observe((performance.now() - started) / 1_000);
      this.metrics.batches.inc({ outcome: 'stored' });
      this.metrics.ticksIngested.inc(result.inserted);
      this.metrics.ticksDuplicate.inc(result.duplicates);
      this.observeFeedLag(piece, result.duplicates);
      this.options.onStored?.(
        TradesStoredEvent.of(piece, result.inserted, this.options.clock.now()),
      );
    }
    return [];
  }

  /**
   * Runs `operation` until it succeeds, backing off while the store is unavailable. A
   * TickRowsRejectedError is returned, not retried. While stopping, gives up after
   * `shutdownAttempts`.
   */
  private async retrying<T>(
    what: string,
    operation: () => Promise<T>,
  ): Promise<T | TickRowsRejectedError | typeof GAVE_UP> {
    for (let attempt = 0; ; attempt++) {
      // Once one write gave up at shutdown, the rest go to the spool without more attempts.
      if (this.stopping && (this.gaveUp || attempt >= this.options.shutdownAttempts)) {
        this.gaveUp = true;
        return GAVE_UP;
      }
      try {
        const result = await operation();
        if (this.unavailableSince !== null) {
          this.logger.log(
            `Database available again after ${this.now() - this.unavailableSince} ms`,
          );
          this.unavailableSince = null;
        }
        return result;
      } catch (error) {
        if (error instanceof TickRowsRejectedError) {
          return error;
        }
        if (this.unavailableSince === null) {
          this.unavailableSince = this.now();
          this.logger.warn(`Database unavailable writing ${what}, retrying: ${String(error)}`);
        }
        this.metrics.batches.inc({ outcome: 'retried' });
        await sleep(backoffDelay(attempt, this.options.retry), this.stopSignal.signal);
      }
    }
  }

  private refuse(ticks: readonly Tick[], reason: RefusalReason): void {
    this.metrics.ticksRefused.inc({ reason }, ticks.length);
    if (reason === 'shutdown') {
      const { from, to } = timeWindow(ticks);
      this.logger.error(
        `${ticks.length} trades between ${from.toISOString()} and ${to.toISOString()} not stored: the writer stopped before the database or the spool took them`,
      );
      return;
    }
    for (const tick of ticks) {
      const time = tick.time.getTime();
      const window = this.refusedWindows.get(tick.symbol);
      if (!window) {
        if (this.refusedWindows.size === 0) {
          this.logger.warn(
            reason === 'spool_full'
              ? `Tick spool full (${this.options.spool?.bytes ?? 0} bytes): refusing trades`
              : `Tick buffer full (${this.buffer.size}): refusing trades`,
          );
        }
        this.refusedWindows.set(tick.symbol, { from: time, to: time, count: 1 });
      } else {
        window.from = Math.min(window.from, time);
        window.to = Math.max(window.to, time);
        window.count++;
      }
    }
  }

  /** The buffer took trades again: each market's refused window becomes a gap record. */
  private closeRefusedWindows(): void {
    for (const [symbol, window] of this.refusedWindows) {
      const from = new Date(window.from);
      const to = new Date(window.to);
      this.logger.warn(
        `Refused ${window.count} ${symbol} trades between ${from.toISOString()} and ${to.toISOString()}`,
      );
      this.metrics.gaps.inc({ reason: 'buffer_full' });
      this.gaps.push({
        symbol,
        from,
        to,
        reason: 'buffer_full',
        backfilledTrades: 0,
        unfilled: { from, to },
      });
    }
    this.refusedWindows.clear();
  }

  private abandonQueued(): void {
    while (this.buffer.queued > 0) {
      const batch = this.buffer.take(this.now());
      this.buffer.settle(batch.length);
      this.toSpool(batch);
    }
  }

  private now(): number {
    return this.options.clock.now().getTime();
  }
}

function timeWindow(ticks: readonly Tick[]): { from: Date; to: Date } {
  let from = Infinity;
  let to = -Infinity;
  for (const tick of ticks) {
    from = Math.min(from, tick.time.getTime());
    to = Math.max(to, tick.time.getTime());
  }
  return { from: new Date(from), to: new Date(to) };
}
