import Decimal from 'decimal.js';

/** Prices and sizes travel as decimal strings; this is the only arithmetic used on them. */
export { Decimal };

export type Rounding = 'down' | 'up' | 'nearest';

const MODES: Record<Rounding, Decimal.Rounding> = {
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
  nearest: Decimal.ROUND_HALF_UP,
};

/** Rounds `value` to a multiple of `step` and prints it with exactly the step's decimals. */
export function roundToStep(value: Decimal.Value, step: Decimal.Value, rounding: Rounding): string {
  const stepDecimal = new Decimal(step);
  if (stepDecimal.lte(0)) {
    throw new RangeError(`step must be positive, got ${stepDecimal.toString()}`);
  }
  const steps = new Decimal(value).div(stepDecimal).toDecimalPlaces(0, MODES[rounding]);
  return steps.mul(stepDecimal).toFixed(stepDecimal.decimalPlaces());
}
