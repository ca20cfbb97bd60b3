import { isSymbol } from './symbol';

describe('isSymbol', () => {
  it.each(['BTC', 'kBONK', '1000PEPE', 'BTC-PERP', 'A'.repeat(32)])('accepts %s', (symbol) => {
    expect(isSymbol(symbol)).toBe(true);
  });

  it.each(['', 'BTC\u0000', 'BTC USD', '-BTC', 'A'.repeat(33), 'BTC\n', "B'C", 'ÄBC'])(
    'refuses %j',
    (symbol) => {
      expect(isSymbol(symbol)).toBe(false);
    },
  );
});
