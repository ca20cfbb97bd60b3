import { Decimal, roundToStep } from './decimal';
import { seededRandom } from './seeded-random';

describe('roundToStep', () => {
  it.each([
    ['0.123456', '0.001', 'down', '0.123'],
    ['0.123456', '0.001', 'up', '0.124'],
    ['0.1235', '0.001', 'nearest', '0.124'],
    ['100000', '0.1', 'down', '100000.0'],
    ['0.00001', '0.00001', 'down', '0.00001'],
    ['67123.456', '1', 'down', '67123'],
    ['0.3', '0.1', 'nearest', '0.3'],
  ] as const)('%s to step %s (%s) = %s', (value, step, rounding, expected) => {
    expect(roundToStep(value, step, rounding)).toBe(expected);
  });

  it.each([
    ['0.1225', '0.001', '0.123'],
    ['1.25', '0.5', '1.5'],
    ['-0.1225', '0.001', '-0.123'],
  ] as const)(
    'rounds a half tick away from zero: %s to step %s (nearest) = %s (fails if nearest rounds HALF_EVEN instead of HALF_UP)',
    (value, step, expected) => {
      expect(roundToStep(value, step, 'nearest')).toBe(expected);
    },
  );

  it('never prints exponent notation for tiny steps', () => {
    expect(roundToStep('0.0000001234', '0.0000001', 'down')).toBe('0.0000001');
  });

  it('rejects a non-positive step', () => {
    expect(() => roundToStep('1', '0', 'down')).toThrow(RangeError);
  });

  it('rounds to a step of 1, 0.1, 0.01... (read without a division) as it rounds to any step', () => {
    const random = seededRandom(14);
    for (let i = 0; i < 2_000; i++) {
      const digits = 1 + Math.floor(random() * 20);
      const value = new Decimal(Math.floor(random() * 10 ** Math.min(digits, 15)))
        .mul(random() < 0.5 ? 1 : -1)
        .div(new Decimal(10).pow(Math.floor(random() * 12)))
        .toSignificantDigits(digits);
      const step = new Decimal(10).pow(-Math.floor(random() * 9));
      for (const rounding of ['down', 'up', 'nearest'] as const) {
        // A Decimal step takes the general path (division by the step).
        expect(roundToStep(value.toFixed(), step.toFixed(), rounding)).toBe(
          roundToStep(value.toFixed(), step, rounding),
        );
      }
    }
  });
});

describe('roundToStep fast path for unit steps (mutation testing)', () => {
  it.each([
    ['30', '21', 'down', '21'], // a step ending in 1 is no unit step (regex without ^)
    ['0.2', '0.15', 'down', '0.15'], // a step starting with 0.1 is no unit step (regex without $)
    ['0.3', '0.5', 'down', '0.0'], // a step string that is no unit fraction takes the division path
  ] as const)('rounds %s to a multiple of the step %s (%s)', (value, step, rounding, expected) => {
    expect(roundToStep(value, step, rounding)).toBe(expected);
  });

  it('names the step it rejects', () => {
    expect(() => roundToStep('1', '0', 'down')).toThrow('step must be positive, got 0');
  });
});
