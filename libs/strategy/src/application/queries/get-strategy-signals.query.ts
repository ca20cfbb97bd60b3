import { Query } from '@nestjs/cqrs';

import type { StoredSignal } from '../ports/signal-history.port';

export interface StrategySignalsPage {
  /** Newest first. */
  readonly signals: StoredSignal[];
  /** Pass as `before` for the next, older page; null when this page is the last. */
  readonly nextBefore: string | null;
}

export interface StrategySignalsRequest {
  readonly limit: number;
  /** The clientOrderId of a signal of the instance: only older ones. */
  readonly before?: string;
  /** Only signals stored at or after this time. */
  readonly since?: Date;
}

/**
 * A page of an instance's signals, newest first, each with its indicator values, amount, status,
 * risk decision and its order's fill progress. STRATEGY_NOT_FOUND for an unknown instance,
 * UNKNOWN_CURSOR when `before` is not one of its signals.
 */
export class GetStrategySignalsQuery extends Query<StrategySignalsPage> {
  constructor(
    readonly strategyId: string,
    readonly request: StrategySignalsRequest,
  ) {
    super();
  }
}
