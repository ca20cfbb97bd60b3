import { sizeToLot } from './lot-size';

describe('sizeToLot', () => {
  it.each([
    ['1.23456', '0.001', '1.234'],
    ['1.2349999', '0.001', '1.234'],
    ['7', '0.5', '7.0'],
    ['12345', '100', '12300'],
    ['0.001', '0.001', '0.001'],
  ])('rounds %s down to lots of %s: %s', (size, lot, expected) => {
    expect(sizeToLot(size, lot)).toBe(expected);
  });

  it('is null below one lot', () => {
    expect(sizeToLot('0.0009', '0.001')).toBeNull();
  });
});
