import { ClosedCandleCache } from './closed-candle-cache';

describe('ClosedCandleCache', () => {
  it('returns what was stored', () => {
    const cache = new ClosedCandleCache<number>(10);
    cache.set('a', [1, 2]);
    expect(cache.get('a')).toEqual([1, 2]);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.size).toBe(3);
  });

  it('evicts the least recently used entries to stay within its candles (one more per entry)', () => {
    const cache = new ClosedCandleCache<number>(8);
    cache.set('a', [1, 2]);
    cache.set('b', [3, 4]);
    cache.get('a');
    cache.set('c', [5, 6]);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual([1, 2]);
    expect(cache.get('c')).toEqual([5, 6]);
    expect(cache.size).toBe(6);
  });

  it('counts an empty list as one, so empty entries are bounded too', () => {
    const cache = new ClosedCandleCache<number>(2);
    cache.set('a', []);
    cache.set('b', []);
    cache.set('c', []);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it('replaces an entry under the same key and skips a list larger than the whole cache', () => {
    const cache = new ClosedCandleCache<number>(4);
    cache.set('a', [1]);
    cache.set('a', [1, 2]);
    expect(cache.size).toBe(3);
    cache.set('b', [1, 2, 3, 4]);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual([1, 2]);
  });

  it('holds nothing when its bound is 0', () => {
    const cache = new ClosedCandleCache<number>(0);
    cache.set('a', []);
    expect(cache.get('a')).toBeUndefined();
  });

  it('stops counting a replaced list when there is room for both', () => {
    const cache = new ClosedCandleCache<number>(10);
    cache.set('a', [1]);
    cache.set('a', [1, 2]);
    expect(cache.size).toBe(3);
    expect(cache.get('a')).toEqual([1, 2]);
  });

  it('holds a list that fills the cache exactly', () => {
    const cache = new ClosedCandleCache<number>(3);
    cache.set('a', [1, 2]);
    expect(cache.get('a')).toEqual([1, 2]);
    expect(cache.size).toBe(3);
  });
});
