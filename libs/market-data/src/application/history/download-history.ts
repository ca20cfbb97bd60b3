import type { Clock } from '@nexwave/core';

import { TIMEFRAME_MS } from '../../domain/closed-buckets';
import { barCount, historyWindows, missingBars, type BarRange } from '../../domain/history-window';
import { klineTicks } from '../../domain/kline-ticks';
import type { Timeframe } from '../../domain/timeframe';
import type { CandleAggregatesPort } from '../ports/candle-aggregates.port';
import type { HistorySourcePort, StoredBarsPort } from '../ports/history-source.port';
import type { TickStorePort } from '../ports/tick-store.port';

export interface DownloadRequest {
  symbols: readonly string[];
  timeframe: Timeframe;
  from: Date;
  to: Date;
}

export interface SymbolSummary {
  symbol: string;
  /** Bars written by this run. */
  barsWritten: number;
  /** Tick rows written (four per bar). */
  rowsWritten: number;
  /** Bars already stored (a previous run, or recorded live), not requested again. */
  barsSkipped: number;
  /** Closed bars of the period that neither the database nor the exchange has. */
  gaps: BarRange[];
  missingBars: number;
}

export interface DownloadResult {
  symbols: SymbolSummary[];
  /** False when the candle aggregates could not be refreshed over the period (logged): the bars
   * are stored, but the views may not serve them all until a refresh succeeds (a rerun). */
  candlesRefreshed: boolean;
}

export interface DownloadProgress {
  start(totalBars: number): void;
  /** `bars` more bars of `symbol` handled (written, skipped or found missing). */
  advance(symbol: string, bars: number): void;
  stop(): void;
}

/**
 * Downloads candle history into `ticks` (as `kline-ticks.ts` describes) window by window, the
 * oldest first. Bars that already hold ticks are skipped, so a rerun or a run after an interrupted
 * one fetches only what is missing, and a minute recorded live is never doubled. Each window is
 * one atomic insert. The candle aggregates are refreshed over the period at the end; a rerun
 * refreshes them again.
 */
export class DownloadHistory {
  constructor(
    private readonly source: HistorySourcePort,
    private readonly stored: StoredBarsPort,
    private readonly ticks: TickStorePort,
    private readonly candles: CandleAggregatesPort,
    private readonly clock: Clock,
  ) {}

  async run(request: DownloadRequest, progress: DownloadProgress): Promise<DownloadResult> {
    const barMs = TIMEFRAME_MS[request.timeframe];
    const now = this.clock.now().getTime();
    const windows = historyWindows(
      { from: request.from.getTime(), to: request.to.getTime() },
      barMs,
      this.source.maxPerRequest,
      now,
    );
    const total = windows.reduce((sum, window) => sum + barCount(window, barMs), 0);
    progress.start(total * request.symbols.length);
    try {
      const summaries: SymbolSummary[] = [];
      for (const symbol of request.symbols) {
        const summary = emptySummary(symbol);
        for (const window of windows) {
          await this.downloadWindow(symbol, request.timeframe, window, now, summary);
          progress.advance(symbol, barCount(window, barMs));
        }
        summaries.push(summary);
      }
      const candlesRefreshed = await this.candles.refreshSince(request.from, this.clock.now());
      return { symbols: summaries, candlesRefreshed };
    } finally {
      progress.stop();
    }
  }

  private async downloadWindow(
    symbol: string,
    timeframe: Timeframe,
    window: BarRange,
    now: number,
    summary: SymbolSummary,
  ): Promise<void> {
    const barMs = TIMEFRAME_MS[timeframe];
    const stored = await this.stored.storedBars(symbol, barMs, window.from, window.to);
    summary.barsSkipped += stored.size;
    if (missingBars(window, barMs, stored).length === 0) {
      return;
    }
    const klines = await this.source.klines(
      symbol,
      timeframe,
      window.from,
      window.to - 1,
      barCount(window, barMs),
    );
    const fresh = klines.filter(
      (k) =>
        k.openTime >= window.from &&
        k.openTime < window.to &&
        k.closeTime < now &&
        !stored.has(k.openTime),
    );
    const written = await this.ticks.insert(fresh.flatMap((k) => klineTicks(symbol, timeframe, k)));
    summary.barsWritten += fresh.length;
    summary.rowsWritten += written.inserted;
    const have = new Set([...stored, ...fresh.map((k) => k.openTime)]);
    for (const gap of missingBars(window, barMs, have)) {
      const last = summary.gaps[summary.gaps.length - 1];
      if (last && last.to === gap.from) {
        summary.gaps[summary.gaps.length - 1] = { from: last.from, to: gap.to };
      } else {
        summary.gaps.push(gap);
      }
      summary.missingBars += barCount(gap, barMs);
    }
  }
}

function emptySummary(symbol: string): SymbolSummary {
  return { symbol, barsWritten: 0, rowsWritten: 0, barsSkipped: 0, gaps: [], missingBars: 0 };
}
