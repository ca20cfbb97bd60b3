import {
  ActivityTracker,
  detectionRules,
  SimulatedBooks,
  trackerOptions,
} from '@nexwave/whales/testing';

/**
 * Issue 16's two field reports, reproduced on the simulator's own book model (fixed seeds), with
 * the production tracker settings: the walk shifts the synthetic quotes off the whale's price
 * grid, so its levels interleave with ordinary ones, and moves the whale in and out of the ten
 * levels the stream shows.
 */
const START = Date.UTC(2026, 0, 1);
const DETECTION_INTERVAL_MS = 5_000;

function followWhale(seed: number, request: Parameters<SimulatedBooks['placeWhale']>[0]) {
  const sim = new SimulatedBooks({ seed, start: START });
  sim.advance(3_000);
  const whale = sim.placeWhale(request, 'simulator');
  let ids = 0;
  const tracker = new ActivityTracker(
    trackerOptions(detectionRules(), DETECTION_INTERVAL_MS, () => `activity-${++ids}`),
  );
  const opened: { kind: string; prices: string[] }[] = [];
  while (sim.now < whale.expiresAt - DETECTION_INTERVAL_MS) {
    sim.advance(DETECTION_INTERVAL_MS);
    const book = sim.snapshot(request.symbol);
    for (const activity of tracker.observe(book).opened) {
      opened.push({ kind: activity.kind, prices: activity.detected.levels.map((l) => l.price) });
    }
  }
  return { whale, opened };
}

describe('whale scenarios on the simulator (issue 16)', () => {
  it('ETH: a $300,000 4-level ask ladder is one ladder activity, never singles at its prices', () => {
    const { whale, opened } = followWhale(7, {
      symbol: 'ETH',
      side: 'ask',
      kind: 'ladder',
      levels: 4,
      notionalUsd: 300_000,
      durationMs: 60_000,
    });
    expect(opened).toHaveLength(1);
    expect(opened[0].kind).toBe('ladder');
    expect(whale.prices).toEqual(expect.arrayContaining(opened[0].prices));
  });

  it('BTC: a 3-level ladder the simulator placed itself is one ladder, not three singles', () => {
    const { whale, opened } = followWhale(3, {
      symbol: 'BTC',
      side: 'ask',
      kind: 'ladder',
      levels: 3,
      durationMs: 60_000,
    });
    expect(opened).toEqual([{ kind: 'ladder', prices: whale.prices }]);
  });
});
