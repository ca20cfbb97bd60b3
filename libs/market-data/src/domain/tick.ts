import { isPositiveDecimal } from './order-book';

/** Taker side: `buy` = buyer-initiated trade. */
export type TakerSide = 'buy' | 'sell';

/** Where a stored trade came from: the live feed, the exchange's trades after a gap, or a downloaded candle (`kline-ticks.ts`). */
export type TickSource = 'pacifica' | 'backfill' | 'kline';

/** One public trade as stored in `ticks`. */
export interface Tick {
  /** Exchange trade time, never receive time. */
  readonly time: Date;
  readonly symbol: string;
  readonly price: string;
  /** Size of this trade (base units), never a 24 h volume. */
  readonly size: string;
  readonly side: TakerSide;
  /** Exchange trade id; (symbol, tradeId, time) is unique, so a replay is stored once. */
  readonly tradeId: string;
  readonly source: TickSource;
}

/** Pacifica's trade direction of the taker. */
export type TradeDirection = 'open_long' | 'open_short' | 'close_long' | 'close_short';

/** A public trade as the exchange feed delivers it (time in epoch ms). */
export interface RawTrade {
  readonly tradeId: string;
  readonly symbol: string;
  readonly price: string;
  readonly amount: string;
  readonly direction: string;
  readonly time: number;
}

export type TradeNormalisation =
  { readonly ok: true; readonly tick: Tick } | { readonly ok: false; readonly reason: string };

/** Opening a long or closing a short buys; opening a short or closing a long sells. */
export function takerSide(direction: string): TakerSide | null {
  switch (direction) {
    case 'open_long':
    case 'close_short':
      return 'buy';
    case 'open_short':
    case 'close_long':
      return 'sell';
    default:
      return null;
  }
}

// 2000-01-01 .. 2200-01-01: anything outside is a unit mix-up (seconds, microseconds), not a trade.
const MIN_TIME_MS = 946_684_800_000;
const MAX_TIME_MS = 7_258_118_400_000;

/** Validates and maps one trade; a rejection carries the reason to dead-letter it with. */
export function normaliseTrade(raw: RawTrade, source: TickSource): TradeNormalisation {
  const side = takerSide(raw.direction);
  if (raw.tradeId === '') {
    return { ok: false, reason: 'missing trade id' };
  }
  if (raw.symbol === '') {
    return { ok: false, reason: 'missing symbol' };
  }
  if (!isPositiveDecimal(raw.price)) {
    return { ok: false, reason: `price ${JSON.stringify(raw.price)} is not a positive decimal` };
  }
  if (!isPositiveDecimal(raw.amount)) {
    return { ok: false, reason: `size ${JSON.stringify(raw.amount)} is not a positive decimal` };
  }
  if (side === null) {
    return { ok: false, reason: `unknown trade direction ${JSON.stringify(raw.direction)}` };
  }
  if (!Number.isInteger(raw.time) || raw.time < MIN_TIME_MS || raw.time > MAX_TIME_MS) {
    return { ok: false, reason: `trade time ${raw.time} is not epoch milliseconds` };
  }
  return {
    ok: true,
    tick: {
      time: new Date(raw.time),
      symbol: raw.symbol,
      price: raw.price,
      size: raw.amount,
      side,
      tradeId: raw.tradeId,
      source,
    },
  };
}
