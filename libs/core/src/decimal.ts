import Decimal from 'decimal.js';

/** Prices and sizes travel as decimal strings; this is the only arithmetic used on them. */
export { Decimal };

export type Rounding = 'down' | 'up' | 'nearest';

const MODES: Record<Rounding, Decimal.Rounding> = {
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
  nearest: Decimal.ROUND_HALF_UP,
};

/** "1", "0.1", "0.01"...: the lot and tick sizes most markets have. */
const UNIT_FRACTION = /^(?:1|0\.0*1)$/;

/** Rounds `value` to a multiple of `step` and prints it with exactly the step's decimals. */
export function roundToStep(value: Decimal.Value, step: Decimal.Value, rounding: Rounding): string {
  const stepDecimal = new Decimal(step);
  if (stepDecimal.lte(0)) {
    throw new RangeError(`step must be positive, got ${stepDecimal.toString()}`);
  }
  const exact = new Decimal(value);
  // value / 10^-k is exact when value has at most `precision` digits, so rounding that quotient
  // is rounding value to k places: the same result without a long division (hot in backtests).
  if (typeof step === 'string' && UNIT_FRACTION.test(step) && exact.sd() <= Decimal.precision) {
    const places = stepDecimal.decimalPlaces();
    return exact.toDecimalPlaces(places, MODES[rounding]).toFixed(places);
  }
  const steps = exact.div(stepDecimal).toDecimalPlaces(0, MODES[rounding]);
  return steps.mul(stepDecimal).toFixed(stepDecimal.decimalPlaces());
}
