import { normaliseTrade, takerSide, type RawTrade } from './tick';

const trade: RawTrade = {
  tradeId: '98765',
  symbol: 'kPEPE',
  price: '0.0123',
  amount: '1500',
  direction: 'open_long',
  time: 1_764_000_123_456,
};

describe('takerSide', () => {
  it.each([
    ['open_long', 'buy'],
    ['close_short', 'buy'],
    ['open_short', 'sell'],
    ['close_long', 'sell'],
    ['bid', null],
  ])('%s -> %s', (direction, side) => {
    expect(takerSide(direction)).toBe(side);
  });
});

describe('normaliseTrade', () => {
  it("uses the exchange's time, trade size and id, and keeps the symbol's case", () => {
    expect(normaliseTrade(trade, 'pacifica')).toEqual({
      ok: true,
      tick: {
        time: new Date(1_764_000_123_456),
        symbol: 'kPEPE',
        price: '0.0123',
        size: '1500',
        side: 'buy',
        tradeId: '98765',
        source: 'pacifica',
      },
    });
  });

  it.each<[Partial<RawTrade>, string]>([
    [{ price: 'NaN' }, 'price "NaN" is not a positive decimal'],
    [{ price: '0' }, 'price "0" is not a positive decimal'],
    [{ amount: '-2' }, 'size "-2" is not a positive decimal'],
    [{ direction: 'sideways' }, 'unknown trade direction "sideways"'],
    [{ time: 1_764_000_123 }, 'trade time 1764000123 is not epoch milliseconds'],
    [{ time: 1.5e12 + 0.5 }, 'trade time 1500000000000.5 is not epoch milliseconds'],
    [{ tradeId: '' }, 'missing trade id'],
    [{ symbol: '' }, 'missing symbol'],
  ])('rejects %j with a reason', (change, reason) => {
    expect(normaliseTrade({ ...trade, ...change }, 'pacifica')).toEqual({ ok: false, reason });
  });

  it('accepts times from 2000-01-01 up to 2200-01-01 inclusive, and nothing outside', () => {
    const atTime = (time: number) => normaliseTrade({ ...trade, time }, 'pacifica').ok;
    const first = Date.parse('2000-01-01T00:00:00Z');
    const last = Date.parse('2200-01-01T00:00:00Z');
    expect([first - 1, first, last, last + 1].map(atTime)).toEqual([false, true, true, false]);
  });
});
