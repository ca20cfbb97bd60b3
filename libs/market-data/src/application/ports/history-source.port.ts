import type { Kline } from '../../domain/kline-ticks';
import type { Timeframe } from '../../domain/timeframe';

/** The exchange's candle history (Pacifica's `/kline`, or the simulator's). */
export abstract class HistorySourcePort {
  /** Most candles one request returns. */
  abstract readonly maxPerRequest: number;

  /** Candles overlapping [from, to] (epoch ms, inclusive), the oldest first, at most `limit`. */
  abstract klines(
    symbol: string,
    timeframe: Timeframe,
    from: number,
    to: number,
    limit: number,
  ): Promise<Kline[]>;
}

/** What is already in `ticks`, by bar. */
export abstract class StoredBarsPort {
  /** Open times (epoch ms) of the `barMs` bars in [from, to) that hold at least one tick. */
  abstract storedBars(
    symbol: string,
    barMs: number,
    from: number,
    to: number,
  ): Promise<Set<number>>;
}
