/** The limits in force; the same shape and units as `AppConfig['risk']` (MAX_LEVERAGE, ...). */
export interface RiskLimits {
  /** Largest notional per symbol after the order, USD, inclusive. */
  readonly maxPositionUsd: number;
  /** Gross exposure / equity after the order must stay strictly below this. */
  readonly maxLeverage: number;
  /** Percent of the UTC day's starting equity: a loss of this much stops entries for the day. */
  readonly dailyLossLimitPct: number;
  /** Order notional bounds, USD, both inclusive. */
  readonly minOrderUsd: number;
  readonly maxOrderUsd: number;
}

export const DEFAULT_RISK_LIMITS: RiskLimits = {
  maxPositionUsd: 1_000_000,
  maxLeverage: 5,
  dailyLossLimitPct: 5,
  minOrderUsd: 10,
  maxOrderUsd: 100_000,
};

export function assertValidLimits(limits: RiskLimits): void {
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isFinite(value) || value <= 0) {
      throw new RangeError(`${name} must be a positive number, got ${String(value)}`);
    }
  }
  if (limits.minOrderUsd >= limits.maxOrderUsd) {
    throw new RangeError(
      `minOrderUsd (${limits.minOrderUsd}) must be below maxOrderUsd (${limits.maxOrderUsd})`,
    );
  }
}
