import { FixedClock } from '@nexwave/core/testing';

import { QuietBookDetector } from './quiet-book-detector';

describe('QuietBookDetector', () => {
  const clock = new FixedClock(new Date('2026-01-01T00:00:00Z'));
  const now = () => clock.now().getTime();

  it('reports a book silent for longer than the threshold once, and its resumption', () => {
    const detector = new QuietBookDetector(10_000);
    detector.watch('BTC', now());
    detector.watch('ETH', now());
    clock.advance(10_000);
    detector.updated('ETH', now());
    expect(detector.check(now())).toEqual([]);
    clock.advance(1);
    expect(detector.check(now())).toEqual([{ symbol: 'BTC', silentMs: 10_001 }]);
    expect(detector.check(now())).toEqual([]);
    expect(detector.quietSymbols()).toEqual(['BTC']);
    expect(detector.updated('BTC', now())).toBe(true);
    expect(detector.isQuiet('BTC')).toBe(false);
    expect(detector.updated('BTC', now())).toBe(false);
  });

  it('watch does not reset a market that already updated', () => {
    const detector = new QuietBookDetector(100);
    detector.updated('SOL', 0);
    detector.watch('SOL', 1_000);
    expect(detector.check(1_000)).toEqual([{ symbol: 'SOL', silentMs: 1_000 }]);
  });

  it('tells how long each watched book has been silent (the book-age gauge)', () => {
    const detector = new QuietBookDetector(100);
    detector.watch('BTC', 0);
    detector.updated('ETH', 500);
    expect(detector.silences(2_000)).toEqual(
      new Map([
        ['BTC', 2_000],
        ['ETH', 1_500],
      ]),
    );
  });

  it.each([0, -1])('rejects a threshold of %d ms', (thresholdMs) => {
    expect(() => new QuietBookDetector(thresholdMs)).toThrow(
      new RangeError('thresholdMs must be positive'),
    );
  });

  it('accepts a threshold of 1 ms', () => {
    expect(new QuietBookDetector(1).thresholdMs).toBe(1);
  });
});
