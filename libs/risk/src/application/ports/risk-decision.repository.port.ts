import type { DailyLossSnapshot } from '../../domain/daily-loss';
import type { RiskDecision } from '../../domain/risk-manager';

export interface PageRequest {
  readonly limit: number;
  readonly offset: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
}

/** What `save` stored: the decision kept for its clientOrderId, and whether this call stored it. */
export interface SavedDecision {
  readonly decision: RiskDecision;
  readonly created: boolean;
}

/** Risk decisions (one per clientOrderId) and each strategy's daily loss state. */
export abstract class RiskDecisionRepository {
  abstract findByClientOrderId(clientOrderId: string): Promise<RiskDecision | null>;

  /** The strategy's newest day of loss tracking, or null when it never checked an order. */
  abstract loadDailyLoss(strategyId: string): Promise<DailyLossSnapshot | null>;

  /**
   * Stores the decision and the strategy's day state in one transaction. When a decision for the
   * same clientOrderId is already stored, stores nothing and returns that one (`created` false).
   * A stored stop is never undone by a later save of the same day.
   */
  abstract save(
    decision: RiskDecision,
    dailyLoss: DailyLossSnapshot | null,
  ): Promise<SavedDecision>;

  /** The strategy's decisions, newest first, one page. */
  abstract listByStrategy(strategyId: string, page: PageRequest): Promise<Page<RiskDecision>>;
}
