import { GapDetector } from './gap-detector';

describe('GapDetector', () => {
  it('reports no gap while the connection stays up, even for late trades', () => {
    const detector = new GapDetector();
    expect(detector.observe('BTC', 1_000, 0)).toBeNull();
    expect(detector.observe('BTC', 5_000, 0)).toBeNull();
    expect(detector.observe('BTC', 3_000, 0)).toBeNull();
  });

  it('opens a gap from the newest trade before a reconnect to the first one after it', () => {
    const detector = new GapDetector();
    detector.observe('BTC', 1_000, 0);
    detector.observe('BTC', 2_000, 0);
    expect(detector.observe('BTC', 9_000, 1)).toEqual({
      symbol: 'BTC',
      from: new Date(2_000),
      to: new Date(9_000),
    });
    expect(detector.observe('BTC', 9_500, 1)).toBeNull();
  });

  it('starts a gap after a reconnect at the newest trade, not at a late one that came after it (fails if a late, out-of-order trade moves the high-water mark back)', () => {
    const detector = new GapDetector();
    detector.observe('BTC', 1_000, 0);
    detector.observe('BTC', 5_000, 0);
    expect(detector.observe('BTC', 3_000, 0)).toBeNull();
    expect(detector.observe('BTC', 4_000, 1)).toBeNull();
    expect(detector.observe('BTC', 9_000, 2)).toEqual({
      symbol: 'BTC',
      from: new Date(5_000),
      to: new Date(9_000),
    });
  });

  it('starts a gap at the moment the market was watched when it had no trade yet', () => {
    const detector = new GapDetector();
    detector.watch('kBONK', 500, 0);
    expect(detector.observe('kBONK', 4_000, 2)).toEqual({
      symbol: 'kBONK',
      from: new Date(500),
      to: new Date(4_000),
    });
  });

  it('lets the first trade replace a watch time that is ahead of the exchange clock', () => {
    const detector = new GapDetector();
    detector.watch('SOL', 10_000, 0);
    expect(detector.observe('SOL', 2_000, 0)).toBeNull();
    expect(detector.observe('SOL', 3_000, 1)).toEqual({
      symbol: 'SOL',
      from: new Date(2_000),
      to: new Date(3_000),
    });
  });

  it('keeps markets apart, and ignores a first trade older than the last seen', () => {
    const detector = new GapDetector();
    detector.observe('BTC', 1_000, 0);
    detector.observe('ETH', 1_000, 0);
    expect(detector.observe('BTC', 900, 1)).toBeNull();
    expect(detector.observe('ETH', 2_000, 1)).not.toBeNull();
  });
});

describe('GapDetector edge cases (mutation testing)', () => {
  it('keeps the first watch time when a market is watched again', () => {
    const detector = new GapDetector();
    detector.watch('BTC', 1_000, 0);
    detector.watch('BTC', 4_000, 0);
    expect(detector.observe('BTC', 9_000, 1)).toEqual({
      symbol: 'BTC',
      from: new Date(1_000),
      to: new Date(9_000),
    });
  });

  it('a late trade after the first unwatched trade does not move the gap start back', () => {
    const detector = new GapDetector();
    detector.observe('BTC', 5_000, 0);
    detector.observe('BTC', 3_000, 0);
    expect(detector.observe('BTC', 9_000, 1)?.from).toEqual(new Date(5_000));
  });

  it('a first trade after a reconnect at the same time as the last one is no gap', () => {
    const detector = new GapDetector();
    detector.observe('BTC', 5_000, 0);
    expect(detector.observe('BTC', 5_000, 1)).toBeNull();
  });
});
