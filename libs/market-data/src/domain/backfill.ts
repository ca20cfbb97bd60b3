import type { TradeGap } from './gap-detector';
import type { RawTrade } from './tick';

/** A trade from the exchange's recent-trades history, which carries no trade id. */
export interface HistoricalTrade {
  readonly price: string;
  readonly amount: string;
  readonly direction: string;
  readonly time: number;
}

export interface BackfillPlan {
  /** Trades strictly inside the gap, with deterministic ids so a repeated backfill is stored once. */
  readonly trades: RawTrade[];
  /** The part of the gap the history does not reach back to; null when fully covered. */
  readonly unfilled: { readonly from: Date; readonly to: Date } | null;
}

/**
 * Chooses the history trades that fill a gap. The gap's bounds are exclusive: trades at the exact
 * millisecond of its last-seen or first-after trade were received live and are not taken again
 * (a trade sharing that millisecond may be missed; it is never doubled). A history of
 * `historyLimit` entries is assumed truncated, so the time before its oldest trade is unfilled.
 */
export function planBackfill(
  gap: TradeGap,
  history: readonly HistoricalTrade[],
  historyLimit: number,
): BackfillPlan {
  const from = gap.from.getTime();
  const to = gap.to.getTime();
  const occurrences = new Map<string, number>();
  const trades: RawTrade[] = [];
  for (const trade of [...history].sort((a, b) => a.time - b.time)) {
    const key = `${trade.time}:${trade.direction}:${trade.price}:${trade.amount}`;
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    if (trade.time > from && trade.time < to) {
      trades.push({
        tradeId: `backfill:${key}:${occurrence}`,
        symbol: gap.symbol,
        price: trade.price,
        amount: trade.amount,
        direction: trade.direction,
        time: trade.time,
      });
    }
  }
  const oldest = history.reduce((min, trade) => Math.min(min, trade.time), Infinity);
  const coveredFrom = history.length >= historyLimit ? oldest : -Infinity;
  const unfilled =
    coveredFrom > from ? { from: gap.from, to: new Date(Math.min(coveredFrom, to)) } : null;
  return { trades, unfilled };
}
