export const RECONCILIATION_OPTIONS = Symbol('RECONCILIATION_OPTIONS');

export interface ReconciliationOptions {
  /** Between the end of one pass and the start of the next (RECONCILE_INTERVAL_MS, default 60 s). */
  readonly intervalMs: number;
  /** An order younger than this is not concluded missing: the exchange may not list it yet. */
  readonly gracePeriodMs: number;
  /** Which of our positions the exchange's are compared with. */
  readonly paperTrading: boolean;
}
