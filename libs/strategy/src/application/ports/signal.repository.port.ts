import type { OrderRequestV1 } from '@nexwave/messaging';

import type { OrderProgress } from '../../domain/engine/strategy-book';
import type { Signal } from '../../domain/strategy';
import type { RiskVerdict } from './risk-check.port';

/**
 * pending_risk: stored, risk has not answered yet (retried until it does or the signal expires);
 * sent: approved and requested; rejected: refused by risk; below_lot: rounded to nothing;
 * expired: risk did not answer within one candle, so it was never sent.
 */
export type SignalStatus = 'pending_risk' | 'sent' | 'rejected' | 'below_lot' | 'expired';

/** A signal as stored: what the strategy said, the amount sent, the risk verdict, the outcome. */
export interface SignalRecord {
  readonly clientOrderId: string;
  readonly strategyId: string;
  readonly signal: Signal;
  /** The signal's size rounded to the lot; null when below one lot. */
  readonly amount: string | null;
  readonly risk: RiskVerdict | null;
  readonly status: SignalStatus;
  readonly createdAt: Date;
}

export abstract class SignalRepository {
  abstract exists(clientOrderId: string): Promise<boolean>;
  /**
   * Stores the signal and, when given, its order request in the same transaction (outbox).
   * False, with nothing written, when a signal with this clientOrderId is already stored.
   */
  abstract record(record: SignalRecord, request: OrderRequestV1 | null): Promise<boolean>;
  /**
   * Settles a pending_risk signal (its status and risk verdict) and, when given, writes its order
   * request in the same transaction. False, with nothing written, when it is no longer pending.
   */
  abstract settle(record: SignalRecord, request: OrderRequestV1 | null): Promise<boolean>;
  /** The strategy's signals still waiting for risk, oldest first. */
  abstract pending(strategyId: string): Promise<SignalRecord[]>;
  abstract list(strategyId: string): Promise<SignalRecord[]>;
  /** Keeps a sent order's newest state (an older sequence never overwrites a newer one). */
  abstract saveProgress(progress: OrderProgress): Promise<void>;
  /** The stored state of the strategy's orders, oldest signal first: replayed into the book. */
  abstract progressOf(strategyId: string): Promise<OrderProgress[]>;
}
