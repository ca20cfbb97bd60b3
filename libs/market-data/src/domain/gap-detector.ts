/** A stretch of time in which the feed may have missed trades of one market. */
export interface TradeGap {
  readonly symbol: string;
  /** Last trade time seen before the interruption (exclusive). */
  readonly from: Date;
  /** First trade time seen after it (exclusive). */
  readonly to: Date;
}

interface LastSeen {
  time: number;
  connection: number;
  /** False while only the local watch time is known: the first trade replaces it. */
  traded: boolean;
}

/**
 * Finds trade gaps after a reconnect. `connection` is a counter the feed bumps on every
 * reconnect: the first trade of a market on a newer connection closes a gap that starts at the
 * newest trade seen before (or at the moment the market was first watched). Late, out-of-order
 * trades on the same connection are not gaps.
 */
export class GapDetector {
  private readonly last = new Map<string, LastSeen>();

  /** Starts watching a market: a gap before its first trade starts here. */
  watch(symbol: string, at: number, connection: number): void {
    if (!this.last.has(symbol)) {
      this.last.set(symbol, { time: at, connection, traded: false });
    }
  }

  observe(symbol: string, time: number, connection: number): TradeGap | null {
    const previous = this.last.get(symbol);
    if (!previous) {
      this.last.set(symbol, { time, connection, traded: true });
      return null;
    }
    const reconnected = connection !== previous.connection;
    const gap =
      reconnected && time > previous.time
        ? { symbol, from: new Date(previous.time), to: new Date(time) }
        : null;
    // The watch time is local; exchange times may lag it, so the first trade replaces it.
    const newest = previous.traded ? Math.max(time, previous.time) : time;
    this.last.set(symbol, { time: newest, connection, traded: true });
    return gap;
  }
}
