import { FixedClock } from '@nexwave/core/testing';

import type { Kline } from '../../domain/kline-ticks';
import { InMemoryCandleAggregates } from '../../testing/in-memory-candle-aggregates';
import { InMemoryTickStore } from '../../testing/in-memory-tick.store';
import { HistorySourcePort, StoredBarsPort } from '../ports/history-source.port';
import { DownloadHistory, type DownloadProgress } from './download-history';

const M = 60_000;
const T0 = Date.UTC(2026, 0, 1);

/** An exchange with a candle every minute except `holes`; it records each request. */
class FakeSource extends HistorySourcePort {
  readonly maxPerRequest = 4;
  readonly requests: [number, number, number][] = [];

  constructor(private readonly holes: Set<number>) {
    super();
  }

  klines(_symbol: string, _tf: '1m', from: number, to: number, limit: number): Promise<Kline[]> {
    this.requests.push([(from - T0) / M, (to + 1 - T0) / M, limit]);
    const klines: Kline[] = [];
    for (let open = from; open <= to && klines.length < limit; open += M) {
      if (!this.holes.has((open - T0) / M)) {
        const p = String(100 + (open - T0) / M);
        klines.push({
          openTime: open,
          closeTime: open + M - 1,
          open: p,
          high: p,
          low: p,
          close: p,
          volume: '2',
        });
      }
    }
    return Promise.resolve(klines);
  }
}

/** Bars derived from the fake tick store, as the database derives them from `ticks`. */
class StoreBars extends StoredBarsPort {
  constructor(private readonly store: InMemoryTickStore) {
    super();
  }

  storedBars(symbol: string, barMs: number, from: number, to: number): Promise<Set<number>> {
    const times = this.store.ticks
      .filter((t) => t.symbol === symbol && t.time.getTime() >= from && t.time.getTime() < to)
      .map((t) => Math.floor(t.time.getTime() / barMs) * barMs);
    return Promise.resolve(new Set(times));
  }
}

const progress = (): DownloadProgress & { advanced: number; total: number } => {
  const p = {
    advanced: 0,
    total: 0,
    start: (total: number) => void (p.total = total),
    advance: (_symbol: string, bars: number) => void (p.advanced += bars),
    stop: () => undefined,
  };
  return p;
};

describe('DownloadHistory', () => {
  it('writes closed bars window by window, reports the gaps, skips what is stored on a rerun', async () => {
    const store = new InMemoryTickStore();
    const source = new FakeSource(new Set([2, 3, 5]));
    const candles = new InMemoryCandleAggregates();
    // Minute 9 is still open at "now": never stored.
    const clock = new FixedClock(new Date(T0 + 9 * M + 30_000));
    const download = new DownloadHistory(source, new StoreBars(store), store, candles, clock);
    const request = {
      symbols: ['BTC'],
      timeframe: '1m' as const,
      from: new Date(T0),
      to: new Date(T0 + 10 * M),
    };

    const bar = progress();
    const {
      symbols: [first],
      candlesRefreshed,
    } = await download.run(request, bar);
    expect(candlesRefreshed).toBe(true);
    expect(source.requests).toEqual([
      [0, 4, 4],
      [4, 8, 4],
      [8, 9, 1],
    ]);
    expect(first).toEqual({
      symbol: 'BTC',
      barsWritten: 6,
      rowsWritten: 24,
      barsSkipped: 0,
      gaps: [
        { from: T0 + 2 * M, to: T0 + 4 * M },
        { from: T0 + 5 * M, to: T0 + 6 * M },
      ],
      missingBars: 3,
    });
    expect([bar.total, bar.advanced]).toEqual([9, 9]);
    expect(candles.refreshes).toEqual([{ from: new Date(T0), now: clock.now() }]);

    source.requests.length = 0;
    const {
      symbols: [again],
    } = await download.run(request, progress());
    // Windows with a hole are asked again (the exchange may have filled it), full ones are not.
    expect(source.requests).toEqual([
      [0, 4, 4],
      [4, 8, 4],
    ]);
    expect(again).toMatchObject({ barsWritten: 0, rowsWritten: 0, barsSkipped: 6, missingBars: 3 });
  });

  it('says so when the candle aggregates could not be refreshed, and refreshes on a rerun', async () => {
    const store = new InMemoryTickStore();
    const candles = new InMemoryCandleAggregates();
    const clock = new FixedClock(new Date(T0 + 10 * M));
    const download = new DownloadHistory(
      new FakeSource(new Set()),
      new StoreBars(store),
      store,
      candles,
      clock,
    );
    const request = {
      symbols: ['BTC', 'ETH'],
      timeframe: '1m' as const,
      from: new Date(T0),
      to: new Date(T0 + 4 * M),
    };
    candles.fails = true;
    const failed = await download.run(request, progress());
    expect(failed.candlesRefreshed).toBe(false);
    expect(failed.symbols.map((s) => s.barsWritten)).toEqual([4, 4]);

    candles.fails = false;
    const rerun = await download.run(request, progress());
    expect(rerun.candlesRefreshed).toBe(true);
    expect(rerun.symbols.map((s) => s.barsSkipped)).toEqual([4, 4]);
    expect(candles.refreshes).toHaveLength(2);
  });
});
