import type { SignalRecord } from './signal.repository.port';

/** How far a sent order got: its last applied event's cumulative fill and fee. */
export interface SignalFill {
  readonly sequence: number;
  readonly filledAmount: string;
  readonly averageFillPrice: string | null;
  readonly feeUsd: string;
}

/** A stored signal with its order's fill progress (null until the order's first event). */
export interface StoredSignal extends SignalRecord {
  readonly fill: SignalFill | null;
}

/** Where a page of signals starts: strictly older than this signal (newest first). */
export interface SignalCursor {
  readonly createdAt: Date;
  readonly clientOrderId: string;
}

export interface SignalPageRequest {
  readonly limit: number;
  readonly before: SignalCursor | null;
  /** Only signals stored at or after this time. */
  readonly since: Date | null;
}

/** The read side of strategy_signals: pages of an instance's signals, newest first. */
export abstract class SignalHistory {
  /** The cursor of the instance's signal `clientOrderId`, or null when it has none by that id. */
  abstract cursorOf(strategyId: string, clientOrderId: string): Promise<SignalCursor | null>;
  abstract page(strategyId: string, request: SignalPageRequest): Promise<StoredSignal[]>;
}
