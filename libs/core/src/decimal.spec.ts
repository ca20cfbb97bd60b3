import { roundToStep } from './decimal';

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

  it('never prints exponent notation for tiny steps', () => {
    expect(roundToStep('0.0000001234', '0.0000001', 'down')).toBe('0.0000001');
  });

  it('rejects a non-positive step', () => {
    expect(() => roundToStep('1', '0', 'down')).toThrow(RangeError);
  });
});
