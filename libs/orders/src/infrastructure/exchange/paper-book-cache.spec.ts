import { PaperBookCache, type PaperBook } from './paper-book-cache';

const T0 = new Date('2026-01-15T12:00:00.000Z');

function book(time: Date, bid: string | null, ask: string | null): PaperBook {
  return {
    symbol: 'BTC',
    time,
    bids: bid === null ? [] : [{ price: bid, amount: '1' }],
    asks: ask === null ? [] : [{ price: ask, amount: '1' }],
  };
}

const at = (ms: number) => new Date(T0.getTime() + ms);

describe('PaperBookCache', () => {
  it('refuses a market it never saw a book for', () => {
    const cache = new PaperBookCache(5_000);
    expect(cache.current('BTC', T0)).toEqual({
      ok: false,
      code: 'NO_BOOK',
      reason: 'no order book received yet for BTC',
    });
    expect(cache.mid('BTC')).toBeNull();
  });

  it('serves the newest book up to the age limit, then refuses it as stale', () => {
    const cache = new PaperBookCache(5_000);
    const held = book(T0, '100', '101');
    cache.put(held);
    expect(cache.current('BTC', at(5_000))).toEqual({ ok: true, book: held });
    expect(cache.current('BTC', at(5_001))).toEqual({
      ok: false,
      code: 'STALE_BOOK',
      reason: 'the newest BTC order book is 5001 ms old (limit 5000 ms)',
    });
    expect(cache.current('ETH', at(0))).toMatchObject({ ok: false, code: 'NO_BOOK' });
  });

  it('keeps the newer book when an older one arrives late', () => {
    const cache = new PaperBookCache(5_000);
    const newer = book(at(1_000), '100', '101');
    expect(cache.put(newer)).toBe(true);
    expect(cache.put(book(T0, '90', '91'))).toBe(false);
    expect(cache.current('BTC', at(1_000))).toEqual({ ok: true, book: newer });
    expect(cache.time('BTC')).toEqual(at(1_000));
    expect(cache.time('ETH')).toBeNull();
    expect(cache.put(book(at(1_000), '102', '103'))).toBe(true);
  });

  it.each([
    ['100', '101', '100.5'],
    ['100', null, '100'],
    [null, '101', '101'],
  ])('marks at the mid of bid %s / ask %s: %s, whatever the age', (bid, ask, mid) => {
    const cache = new PaperBookCache(1);
    cache.put(book(T0, bid, ask));
    expect(cache.mid('BTC')?.toFixed()).toBe(mid);
  });

  it('has no mark for an empty book', () => {
    const cache = new PaperBookCache(1);
    cache.put(book(T0, null, null));
    expect(cache.mid('BTC')).toBeNull();
  });
});
