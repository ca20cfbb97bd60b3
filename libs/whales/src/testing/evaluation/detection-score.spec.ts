import { DetectedActivity, scoreDetections, TruthWhale } from './detection-score';

const whale = (over: Partial<TruthWhale> & Pick<TruthWhale, 'id'>): TruthWhale => ({
  symbol: 'BTC',
  side: 'ask',
  kind: 'single',
  decoy: false,
  prices: [],
  placedAt: 0,
  endedAt: 60_000,
  detectableAt: 5_000,
  ...over,
});

const activity = (
  id: string,
  over: Partial<Omit<DetectedActivity, 'prices'>>,
  prices: string[],
): DetectedActivity => ({
  id,
  symbol: 'BTC',
  side: 'ask',
  kind: 'single',
  firstSeenAt: 5_000,
  ...over,
  prices: new Set(prices),
});

describe('scoreDetections (a hand-made run with known counts)', () => {
  const truth = [
    whale({ id: 1, kind: 'ladder', prices: ['100', '101', '102'] }),
    whale({ id: 2, side: 'bid', prices: ['90'], endedAt: 30_000 }),
    whale({ id: 3, symbol: 'ETH', decoy: true, prices: ['10'], detectableAt: null }),
    whale({ id: 4, symbol: 'ETH', side: 'bid', kind: 'ladder', prices: ['5', '4.9', '4.8'] }),
    whale({ id: 5, symbol: 'SOL', prices: ['1'], detectableAt: null }),
  ];
  const activities = [
    activity('a1', { kind: 'ladder' }, ['100', '101', '102']),
    activity('a2', { firstSeenAt: 20_000 }, ['101']), // whale 1 again: a duplicate
    activity('a3', { side: 'bid', kind: 'ladder', firstSeenAt: 15_000 }, ['90']), // wrong kind
    activity('a4', { symbol: 'ETH' }, ['10']), // the decoy
    activity('a5', { symbol: 'SOL', side: 'bid' }, ['7']), // nothing there
    activity('a6', { side: 'bid', firstSeenAt: 45_000 }, ['90']), // whale 2 ended 15 s before
  ];

  it('counts precision, recall, kind, duplicates, latency and false positives', () => {
    expect(
      scoreDetections(truth, activities, { detectionIntervalMs: 5_000, graceMs: 10_000 }),
    ).toEqual({
      whales: 4,
      detectable: 3,
      decoys: 1,
      activities: 6,
      detected: 2,
      precision: 0.5,
      recall: 2 / 3,
      kindAccuracy: 0.5,
      duplicatesPerWhale: 0.5,
      latencyP95Intervals: 2,
      falsePositives: { decoys: 1, unattributed: 2 },
    });
  });

  it('is perfect when every detectable whale has exactly one activity of its kind', () => {
    const score = scoreDetections(truth, [activities[0], activity('b', { side: 'bid' }, ['90'])], {
      detectionIntervalMs: 5_000,
      graceMs: 10_000,
    });
    expect(score).toMatchObject({ precision: 1, kindAccuracy: 1, duplicatesPerWhale: 0 });
    expect(score.recall).toBe(2 / 3); // whale 4 was detectable and missed
    expect(score.latencyP95Intervals).toBe(0);
  });
});
