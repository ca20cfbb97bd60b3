import {
  RiskDecisionRepository,
  type Page,
  type PageRequest,
  type SavedDecision,
} from '../application/ports/risk-decision.repository.port';
import type { DailyLossSnapshot } from '../domain/daily-loss';
import type { RiskDecision } from '../domain/risk-manager';

/**
 * Decisions and day states in memory, with the database's rules: one decision per clientOrderId,
 * a stored stop never lifted. `days` is per strategy and UTC day, like the table.
 */
export class InMemoryRiskDecisionRepository extends RiskDecisionRepository {
  readonly decisions: RiskDecision[] = [];
  readonly days = new Map<string, DailyLossSnapshot>();

  findByClientOrderId(clientOrderId: string): Promise<RiskDecision | null> {
    return Promise.resolve(this.stored(clientOrderId));
  }

  loadDailyLoss(strategyId: string): Promise<DailyLossSnapshot | null> {
    const newest = [...this.days.entries()]
      .filter(([key]) => key.startsWith(`${strategyId}/`))
      .map(([, day]) => day)
      .sort((a, b) => b.utcDay.localeCompare(a.utcDay))[0];
    return Promise.resolve(newest ?? null);
  }

  save(decision: RiskDecision, dailyLoss: DailyLossSnapshot | null): Promise<SavedDecision> {
    const stored = this.stored(decision.clientOrderId);
    if (stored) {
      return Promise.resolve({ decision: stored, created: false });
    }
    this.decisions.push(decision);
    if (dailyLoss !== null) {
      const key = `${decision.strategyId}/${dailyLoss.utcDay}`;
      const before = this.days.get(key);
      this.days.set(
        key,
        before ? { ...before, stoppedAt: before.stoppedAt ?? dailyLoss.stoppedAt } : dailyLoss,
      );
    }
    return Promise.resolve({ decision, created: true });
  }

  listByStrategy(strategyId: string, page: PageRequest): Promise<Page<RiskDecision>> {
    const mine = this.decisions
      .filter((d) => d.strategyId === strategyId)
      .sort((a, b) => b.decidedAt.getTime() - a.decidedAt.getTime());
    return Promise.resolve({
      items: mine.slice(page.offset, page.offset + page.limit),
      total: mine.length,
    });
  }

  /** The unique index: independent of findByClientOrderId, which a test may override. */
  private stored(clientOrderId: string): RiskDecision | null {
    return this.decisions.find((d) => d.clientOrderId === clientOrderId) ?? null;
  }
}
