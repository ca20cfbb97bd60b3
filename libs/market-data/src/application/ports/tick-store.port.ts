import type { Tick } from '../../domain/tick';

export interface TickWriteResult {
  /** Rows newly stored. */
  inserted: number;
  /** Rows already stored (same symbol, trade id and time): a replayed trade is stored once. */
  duplicates: number;
}

/** A trade that cannot be stored, kept with the reason. */
export interface DeadLetter {
  symbol: string | null;
  tradeId: string | null;
  payload: unknown;
  reason: string;
}

/** A window in which trades may be missing, and what the exchange's history filled of it. */
export interface GapRecord {
  symbol: string;
  from: Date;
  to: Date;
  reason: 'reconnect' | 'buffer_full';
  backfilledTrades: number;
  unfilled: { from: Date; to: Date } | null;
}

/**
 * The database refused one or more rows of a batch for what they contain (a data or constraint
 * error): splitting the batch isolates them. Any other error from a store means "unavailable,
 * retry later".
 */
export class TickRowsRejectedError extends Error {
  override readonly name = 'TickRowsRejectedError';

  constructor(
    readonly reason: string,
    readonly sqlState?: string,
  ) {
    super(reason);
  }
}

/** Where trades are stored (the `ticks` hypertable). */
export abstract class TickStorePort {
  /** Stores a batch atomically; throws TickRowsRejectedError when a row is refused. */
  abstract insert(ticks: readonly Tick[]): Promise<TickWriteResult>;

  abstract deadLetter(letters: readonly DeadLetter[]): Promise<void>;

  abstract recordGap(gap: GapRecord): Promise<void>;
}
