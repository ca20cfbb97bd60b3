import { isPositiveDecimal, normaliseOrderBook, positiveDecimal } from './order-book';

describe('normaliseOrderBook', () => {
  it('keeps the symbol case, adds exact notionals and sorts each side best first', () => {
    const book = normaliseOrderBook({
      symbol: 'kBONK',
      time: 1_764_000_000_123,
      bids: [
        { price: '0.019870', amount: '150000', orders: 2 },
        { price: '0.019900', amount: '1000.5', orders: 1 },
      ],
      asks: [
        { price: '0.020010', amount: '3', orders: 4 },
        { price: '0.019950', amount: '0.1', orders: 1 },
      ],
    });
    expect(book).toEqual({
      symbol: 'kBONK',
      time: new Date(1_764_000_000_123),
      bids: [
        { price: '0.019900', amount: '1000.5', orders: 1, notionalUsd: '19.90995' },
        { price: '0.019870', amount: '150000', orders: 2, notionalUsd: '2980.5' },
      ],
      asks: [
        { price: '0.019950', amount: '0.1', orders: 1, notionalUsd: '0.001995' },
        { price: '0.020010', amount: '3', orders: 4, notionalUsd: '0.06003' },
      ],
    });
  });

  it('computes large notionals without float error', () => {
    const book = normaliseOrderBook({
      symbol: 'BTC',
      time: 1,
      bids: [{ price: '97123.45', amount: '12.3456789', orders: 7 }],
      asks: [],
    });
    expect(book.bids[0].notionalUsd).toBe('1199054.927360205');
  });

  it('keeps a sequence when the feed has one, and drops levels that are not positive decimals', () => {
    const book = normaliseOrderBook({
      symbol: 'ETH',
      time: 5,
      sequence: 42,
      bids: [
        { price: '0', amount: '1', orders: 1 },
        { price: '3000', amount: '-1', orders: 1 },
        { price: 'NaN', amount: '1', orders: 1 },
        { price: '2999.5', amount: '2', orders: 1 },
      ],
      asks: [{ price: '3001', amount: '0.000', orders: 1 }],
    });
    expect(book.sequence).toBe(42);
    expect(book.bids.map((level) => level.price)).toEqual(['2999.5']);
    expect(book.asks).toEqual([]);
  });

  it('carries the sequence only when the feed sent one', () => {
    const raw = { symbol: 'BTC', time: 1_764_000_000_000, bids: [], asks: [] };
    expect(normaliseOrderBook(raw)).not.toHaveProperty('sequence');
    expect(normaliseOrderBook({ ...raw, sequence: 7 }).sequence).toBe(7);
  });
});

describe('positiveDecimal and isPositiveDecimal', () => {
  it.each([
    ['1', true],
    ['0.0001', true],
    ['000.0100', true],
    ['10', true],
    ['0', false],
    ['0.000', false],
    ['00', false],
    ['-1', false],
    ['1e5', false],
    ['Infinity', false],
    ['1.', false],
    ['.5', false],
    ['', false],
  ])('%j -> %s', (value, positive) => {
    expect(positiveDecimal(value) !== null).toBe(positive);
    expect(isPositiveDecimal(value)).toBe(positive);
  });

  it('keeps the exact value', () => {
    expect(positiveDecimal('000.0100')?.toFixed()).toBe('0.01');
  });
});
