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

/** roundToStep in integers: value and step scaled to one scale, the quotient rounded by BigInt. */
function referenceRound(value: string, step: string, rounding: 'down' | 'up' | 'nearest'): string {
  const places = (text: string) => (text.split('.')[1] ?? '').length;
  const scale = Math.max(places(value), places(step));
  const scaled = (text: string) => {
    const [whole, fraction = ''] = text.replace('-', '').split('.');
    const digits = BigInt(whole + fraction.padEnd(scale, '0'));
    return text.startsWith('-') ? -digits : digits;
  };
  const a = scaled(value);
  const b = scaled(step);
  const magnitude = a < 0n ? -a : a;
  let steps = magnitude / b;
  const rest = magnitude % b;
  if ((rounding === 'up' && rest > 0n) || (rounding === 'nearest' && 2n * rest >= b)) {
    steps += 1n;
  }
  // Printed from the integer: a Decimal would round it to 20 digits again.
  const printed = (steps * b).toString().padStart(scale + 1, '0');
  const fraction = printed.slice(printed.length - scale).slice(0, places(step));
  const sign = a < 0n && steps > 0n ? '-' : '';
  return `${sign}${printed.slice(0, printed.length - scale)}${fraction ? `.${fraction}` : ''}`;
}

describe('roundToStep beyond 20 significant digits (Decimal rounds a quotient to 20)', () => {
  it.each([
    ['10000000000000000000.5', '1', 'down', '10000000000000000000'],
    ['0.99999999999999999999999', '0.5', 'down', '0.5'],
    ['0.99999999999999999999999', '0.5', 'up', '1.0'],
    ['0.74999999999999999999999', '0.5', 'nearest', '0.5'],
    ['123456789012345678901234.5', '0.25', 'down', '123456789012345678901234.50'],
  ] as const)('%s to step %s (%s) = %s', (value, step, rounding, expected) => {
    expect(roundToStep(value, step, rounding)).toBe(expected);
    expect(roundToStep(value, new Decimal(step), rounding)).toBe(expected);
  });

  it('agrees with integer arithmetic on long values and odd steps', () => {
    const random = seededRandom(18);
    const digits = (count: number) =>
      Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
    for (let i = 0; i < 2_000; i++) {
      const value = `${random() < 0.5 ? '-' : ''}${digits(1 + Math.floor(random() * 20))}.${digits(1 + Math.floor(random() * 20))}`;
      const stepPlaces = Math.floor(random() * 8);
      const stepDigits = `${1 + Math.floor(random() * 9)}${digits(Math.floor(random() * 3))}`;
      const step = new Decimal(stepDigits).div(new Decimal(10).pow(stepPlaces)).toFixed();
      for (const rounding of ['down', 'up', 'nearest'] as const) {
        expect(roundToStep(value, step, rounding)).toBe(referenceRound(value, step, rounding));
      }
    }
  });
});
