import { ActivityTracker, ActivityTrackerOptions } from './activity-tracker';
import { detectionRules } from './detection-rules';
import { OrderBookSnapshot } from './order-book';
import { book, level, levels, T0 } from './testing/books';
import { WhalesError } from './whales.errors';

const at = (seconds: number) => new Date(T0.getTime() + seconds * 1_000);
const rules = detectionRules({ thresholdUsd: 25_000 });

/** A BTC-like book around 1000 with whales given as [side, price, amount]. */
function snapshot(
  seconds: number,
  whales: ['bid' | 'ask', number, number][] = [],
  symbol = 'BTC',
): OrderBookSnapshot {
  const withWhales = (side: 'bid' | 'ask', background: ReturnType<typeof levels>) =>
    background.map((l) => {
      const whale = whales.find(([s, price]) => s === side && String(price) === l.price);
      return whale ? level(whale[1], whale[2]) : l;
    });
  return book(
    withWhales('bid', levels(999, -1, 10)),
    withWhales('ask', levels(1001, 1, 10)),
    symbol,
    at(seconds),
  );
}

function tracker(options: Partial<ActivityTrackerOptions> = {}) {
  let next = 0;
  const ids: Date[] = [];
  const activities = new ActivityTracker({
    rules,
    gracePeriodMs: 10_000,
    ...options,
    newId: (firstSeenAt) => {
      ids.push(firstSeenAt);
      return `whale-${++next}`;
    },
  });
  const feed = (snap: OrderBookSnapshot) => activities.observe(snap);
  const summary = (snap: OrderBookSnapshot) => {
    const update = feed(snap);
    return {
      opened: update.opened.map((a) => a.id),
      updated: update.updated.map((a) => a.id),
      closed: update.closed.map((a) => a.id),
    };
  };
  return { activities, feed, summary, ids };
}

describe('ActivityTracker', () => {
  it('follows the same whale over 3 snapshots as one activity', () => {
    const { feed, summary, ids } = tracker();
    const first = feed(snapshot(0, [['bid', 995, 40]]));
    expect(summary(snapshot(5, [['bid', 995, 40]]))).toEqual({
      opened: [],
      updated: ['whale-1'],
      closed: [],
    });
    const third = feed(snapshot(10, [['bid', 995, 50]]));

    expect(first.opened).toHaveLength(1);
    expect(ids).toEqual([at(0)]);
    expect(third.updated[0]).toMatchObject({
      id: 'whale-1',
      symbol: 'BTC',
      side: 'bid',
      kind: 'single',
      firstSeenAt: at(0),
      lastSeenAt: at(10),
      priceAtDetection: '1000',
      maxNotionalUsd: '49750',
      sightings: 3,
    });
    expect(third.updated[0].detected.size).toBe('40');
    expect(third.updated[0].latest.size).toBe('50');
  });

  it('closes an activity once it has been gone for the grace period', () => {
    const { summary } = tracker();
    summary(snapshot(0, [['ask', 1003, 40]]));
    expect(summary(snapshot(5))).toEqual({ opened: [], updated: [], closed: [] });
    expect(summary(snapshot(10))).toEqual({ opened: [], updated: [], closed: ['whale-1'] });
    expect(summary(snapshot(15))).toEqual({ opened: [], updated: [], closed: [] });
  });

  it('keeps a whale that flickers out of one snapshot as the same activity', () => {
    const { summary, activities } = tracker();
    summary(snapshot(0, [['ask', 1003, 40]]));
    summary(snapshot(5));
    expect(summary(snapshot(10, [['ask', 1003, 40]]))).toEqual({
      opened: [],
      updated: ['whale-1'],
      closed: [],
    });
    expect(activities.openActivities.map((a) => a.sightings)).toEqual([2]);
  });

  it('a whale that comes back after the grace period is a new activity', () => {
    const { summary } = tracker();
    summary(snapshot(0, [['ask', 1003, 40]]));
    summary(snapshot(10));
    expect(summary(snapshot(15, [['ask', 1003, 40]])).opened).toEqual(['whale-2']);
  });

  it('follows a whale that re-quotes within the price tolerance, not one that moves away', () => {
    const { summary } = tracker();
    summary(snapshot(0, [['bid', 995, 40]]));
    expect(summary(snapshot(5, [['bid', 994, 40]])).updated).toEqual(['whale-1']); // 0.1%
    // 0.4% away: another whale
    expect(summary(snapshot(10, [['bid', 990, 40]]))).toEqual({
      opened: ['whale-2'],
      updated: [],
      closed: [],
    });
  });

  it('keeps separate whales apart: other price, other side, other kind, other symbol', () => {
    const { summary, activities } = tracker();
    summary(
      snapshot(0, [
        ['bid', 995, 40],
        ['bid', 991, 45],
        ['ask', 1003, 40],
      ]),
    );
    summary(snapshot(0, [['bid', 995, 40]], 'ETH'));
    expect(
      summary(
        snapshot(5, [
          ['bid', 995, 45],
          ['bid', 991, 40],
          ['ask', 1003, 40],
        ]),
      ),
    ).toEqual({
      opened: [],
      updated: ['whale-1', 'whale-2', 'whale-3'],
      closed: [],
    });
    expect(
      activities.openActivities.map((a) => `${a.id} ${a.symbol} ${a.latest.priceLow}`),
    ).toEqual(['whale-1 BTC 995', 'whale-2 BTC 991', 'whale-3 BTC 1003', 'whale-4 ETH 995']);
  });

  it('a bid and an ask whale two ticks apart stay two activities, while both rest and when one side leaves (fails if activity matching ignores the side)', () => {
    // A tight book: the two whales are 0.002% apart, well within the 0.2% price tolerance.
    const tight = (seconds: number, bid: string | null, ask: string | null) =>
      book(
        [...(bid ? [level(99_999, bid)] : []), ...levels(99_998, -1, 9, '0.01')],
        [level(100_001, ask ?? '0.01'), ...levels(100_002, 1, 9, '0.01')],
        'BTC',
        at(seconds),
      );
    const { summary, activities } = tracker();
    expect(summary(tight(0, '0.5', null))).toEqual({
      opened: ['whale-1'],
      updated: [],
      closed: [],
    });
    expect(summary(tight(5, '0.5', '0.5'))).toEqual({
      opened: ['whale-2'],
      updated: ['whale-1'],
      closed: [],
    });
    const flipped = tracker();
    flipped.summary(tight(0, '0.5', null));
    expect(flipped.summary(tight(5, null, '0.5'))).toEqual({
      opened: ['whale-2'],
      updated: [],
      closed: [],
    });
    expect(
      [...activities.openActivities, ...flipped.activities.openActivities].map(
        (a) => `${a.id} ${a.side} ${a.latest.priceLow}`,
      ),
    ).toEqual([
      'whale-1 bid 99999',
      'whale-2 ask 100001',
      'whale-1 bid 99999',
      'whale-2 ask 100001',
    ]);
  });

  it('a single that grows into a ladder around its level stays one activity, now a ladder', () => {
    const { feed } = tracker();
    feed(snapshot(0, [['bid', 995, 40]]));
    const ladder = snapshot(5, [
      ['bid', 996, 30],
      ['bid', 995, 30],
      ['bid', 994, 30],
    ]);
    const update = feed(ladder);
    expect(update.opened).toEqual([]);
    expect(update.updated[0]).toMatchObject({
      id: 'whale-1',
      kind: 'ladder',
      prices: ['996', '995', '994'],
      changes: [{ at: at(5), kind: 'ladder', levelCount: 3, notionalUsd: '89550' }],
    });
    expect(update.updated[0].detected.kind).toBe('single');
  });

  it('a book of one symbol never closes another symbol; expire() does', () => {
    const { summary, activities } = tracker();
    summary(snapshot(0, [['bid', 995, 40]], 'kBONK'));
    expect(summary(snapshot(30)).closed).toEqual([]);
    expect(activities.expire(at(9)).map((a) => a.id)).toEqual([]);
    expect(activities.expire(at(10)).map((a) => a.id)).toEqual(['whale-1']);
    expect(activities.openActivities).toEqual([]);
  });

  it('measures from the mid of the detection book, or the only side of a one-sided book', () => {
    const { feed } = tracker();
    const oneSided = book([level(995, 40), ...levels(994, -1, 9)], [], 'SOL', at(0));
    expect(feed(snapshot(0, [['ask', 1003, 40]])).opened[0].priceAtDetection).toBe('1000');
    expect(feed(oneSided).opened[0].priceAtDetection).toBe('995');
  });

  it('ignores a snapshot older than one already seen for the symbol', () => {
    const { summary } = tracker();
    summary(snapshot(5, [['bid', 995, 40]]));
    expect(summary(snapshot(0, [['ask', 1003, 40]]))).toEqual({
      opened: [],
      updated: [],
      closed: [],
    });
  });
});

describe('ActivityTracker by identity (issue 16)', () => {
  const ladder = (seconds: number, rungs: [number, number][], extra: [number, number][] = []) =>
    snapshot(
      seconds,
      [...rungs, ...extra].map(([price, amount]): ['ask', number, number] => [
        'ask',
        price,
        amount,
      ]),
    );
  const rungs: [number, number][] = [
    [1003, 30],
    [1004, 30],
    [1005, 30],
    [1006, 30],
  ];

  it('a ladder whose levels shrink, flicker and drop out stays one ladder, never singles', () => {
    const { feed } = tracker();
    expect(feed(ladder(0, rungs)).opened.map((a) => a.kind)).toEqual(['ladder']);
    const shapes = [
      // one rung half filled: no longer "similar", each other rung a single by itself
      ladder(5, [[1003, 12], ...rungs.slice(1)]),
      // one rung gone, another shrunk: two singles by shape
      ladder(10, [
        [1003, 30],
        [1005, 14],
        [1006, 30],
      ]),
      // back whole
      ladder(15, rungs),
    ];
    for (const shape of shapes) {
      const update = feed(shape);
      expect(update.opened).toEqual([]);
      expect(update.updated.map((a) => [a.id, a.kind])).toEqual([['whale-1', 'ladder']]);
    }
  });

  it('follows the ladder down to one level (a single now) and records the changes', () => {
    const { feed } = tracker({ materialChange: 0.4 });
    feed(ladder(0, rungs));
    feed(ladder(5, rungs.slice(0, 2)));
    const update = feed(ladder(10, [[1003, 30]]));
    expect(update.opened).toEqual([]);
    expect(update.updated[0]).toMatchObject({ id: 'whale-1', kind: 'single' });
    expect(update.updated[0].detected.kind).toBe('ladder');
    expect(update.updated[0].changes).toEqual([
      { at: at(5), kind: 'ladder', levelCount: 2, notionalUsd: '60210' },
      { at: at(10), kind: 'single', levelCount: 1, notionalUsd: '30090' },
    ]);
  });

  it('a ladder that re-quotes a tick away, or gains a rung, is the same activity', () => {
    const { feed } = tracker();
    feed(ladder(0, rungs));
    const requoted = feed(
      snapshot(
        5,
        [1004, 1005, 1006, 1007].map((p) => ['ask', p, 30]),
      ),
    );
    expect([requoted.opened, requoted.updated.map((a) => a.id)]).toEqual([[], ['whale-1']]);
    const longer = feed(
      snapshot(
        10,
        [1004, 1005, 1006, 1007, 1008].map((p) => ['ask', p, 30]),
      ),
    );
    expect(longer.opened).toEqual([]);
    expect(longer.updated[0].latest.levels).toHaveLength(5);
  });

  it('a ladder that leaves and comes back within the grace period is the same activity', () => {
    const { summary } = tracker();
    summary(ladder(0, rungs));
    summary(ladder(5, []));
    expect(summary(ladder(9, rungs.slice(1)))).toEqual({
      opened: [],
      updated: ['whale-1'],
      closed: [],
    });
  });

  it('a whale elsewhere on the side while the ladder rests is a new activity', () => {
    const { summary } = tracker();
    summary(ladder(0, rungs));
    expect(summary(ladder(5, rungs, [[1009, 60]]))).toEqual({
      opened: ['whale-2'],
      updated: ['whale-1'],
      closed: [],
    });
  });

  it('asks for an update alert on a material size change, at most once per interval', () => {
    const { feed } = tracker({ materialChange: 0.5, updateAlertIntervalMs: 20_000 });
    feed(ladder(0, rungs));
    const small = feed(
      ladder(
        5,
        rungs.map(([p]) => [p, 40]),
      ),
    );
    expect(small.resized).toEqual([]); // +33%
    expect(
      feed(
        ladder(
          10,
          rungs.map(([p]) => [p, 60]),
        ),
      ).resized,
    ).toEqual([]); // too soon
    const due = feed(
      ladder(
        20,
        rungs.map(([p]) => [p, 60]),
      ),
    );
    expect(due.resized.map((a) => [a.id, a.alertedNotionalUsd])).toEqual([['whale-1', '241080']]);
    expect(
      feed(
        ladder(
          45,
          rungs.map(([p]) => [p, 70]),
        ),
      ).resized,
    ).toEqual([]); // +17% since
  });
});

describe('ActivityTracker options', () => {
  it.each([
    { gracePeriodMs: 0 },
    { gracePeriodMs: 10_000, priceTolerance: -0.1 },
    { gracePeriodMs: 10_000, keepSizeVsMedian: -1 },
    { gracePeriodMs: 10_000, materialChange: 0 },
    { gracePeriodMs: 10_000, updateAlertIntervalMs: -1 },
  ])('rejects %j', (options) => {
    expect(() => new ActivityTracker({ ...options, rules, newId: () => 'x' })).toThrow(WhalesError);
    expect(() => new ActivityTracker({ ...options, rules, newId: () => 'x' })).toThrow(
      'gracePeriodMs and materialChange must be positive; priceTolerance, keepSizeVsMedian and updateAlertIntervalMs not negative',
    );
  });

  it('accepts a zero price tolerance, keep size and update alert interval', () => {
    const zero = { priceTolerance: 0, keepSizeVsMedian: 0, updateAlertIntervalMs: 0 };
    expect(
      () => new ActivityTracker({ ...zero, gracePeriodMs: 1, rules, newId: () => 'x' }),
    ).not.toThrow();
  });
});
