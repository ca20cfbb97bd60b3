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

/** Arithmetic as wide as a rounding needs (its precision is set before each use). */
const Wide = Decimal.clone();

/** Rounds `value` to a multiple of `step` and prints it with exactly the step's decimals. */
export function roundToStep(value: Decimal.Value, step: Decimal.Value, rounding: Rounding): string {
  const stepDecimal = new Decimal(step);
  if (stepDecimal.lte(0)) {
    throw new RangeError(`step must be positive, got ${stepDecimal.toString()}`);
  }
  const exact = new Decimal(value);
  const places = stepDecimal.decimalPlaces();
  // Rounding to k places is rounding to a multiple of 10^-k, without a long division (hot in
  // backtests); toDecimalPlaces is exact whatever the precision.
  if (typeof step === 'string' && UNIT_FRACTION.test(step)) {
    return exact.toDecimalPlaces(places, MODES[rounding]).toFixed(places);
  }
  // The quotient has at most `whole` integer digits and is a multiple of 1 / (its mantissa times
  // 10^(its excess places)): with a precision above those digits together, rounding it never
  // crosses an integer (or a half), and steps * step is exact. Decimal's 20 digits would do both.
  const whole = Math.max(0, exact.e - stepDecimal.e + 1);
  const excess = Math.max(0, exact.decimalPlaces() - places);
  Wide.set({ precision: Math.max(Decimal.precision, whole + stepDecimal.sd() + excess + 2) });
  const steps = new Wide(exact).div(new Wide(stepDecimal)).toDecimalPlaces(0, MODES[rounding]);
  return steps.mul(new Wide(stepDecimal)).toFixed(places);
}
