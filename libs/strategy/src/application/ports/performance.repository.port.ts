import type { LedgerEntries } from '../../domain/engine/performance-ledger';
import type { StrategyPerformanceView } from '../queries/performance-read-model.port';

/** Where the engine keeps a strategy's performance: its ledger and its latest figures. */
export abstract class PerformanceRepository {
  /** Every stored trip and equity point of the strategy: its ledger after a restart. */
  abstract history(strategyId: string): Promise<LedgerEntries>;
  /**
   * Appends the new trips and points (one already stored is skipped) and replaces the figures, in
   * one transaction.
   */
  abstract record(
    strategyId: string,
    added: LedgerEntries,
    figures: StrategyPerformanceView,
  ): Promise<void>;
}
