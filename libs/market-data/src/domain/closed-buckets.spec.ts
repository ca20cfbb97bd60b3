import {
  bucketsDueBetween,
  CandleCloseCursor,
  nextDueAt,
  type ClosedBucket,
} from './closed-buckets';

const at = (iso: string) => new Date(iso);
const GRACE = 10_000;
const describeBuckets = (buckets: ClosedBucket[]) =>
  buckets.map((bucket) => `${bucket.timeframe} ${bucket.start.toISOString()}`);

describe('bucketsDueBetween', () => {
  const cases: [name: string, after: string, upTo: string, expected: string[]][] = [
    ['nothing inside one minute', '2026-01-15T12:00:11Z', '2026-01-15T12:00:50Z', []],
    [
      'a minute is due only after its grace',
      '2026-01-15T12:00:50Z',
      '2026-01-15T12:01:09.999Z',
      [],
    ],
    [
      'a minute, due at its end plus the grace',
      '2026-01-15T12:00:50Z',
      '2026-01-15T12:01:10Z',
      ['1m 2026-01-15T12:00:00.000Z'],
    ],
    ['the instant after is exclusive', '2026-01-15T12:01:10Z', '2026-01-15T12:01:40Z', []],
    [
      '1m and 5m on a five-minute boundary, smallest first',
      '2026-01-15T12:04:30Z',
      '2026-01-15T12:05:30Z',
      ['1m 2026-01-15T12:04:00.000Z', '5m 2026-01-15T12:00:00.000Z'],
    ],
    [
      'every timeframe at midnight',
      '2026-01-15T23:59:30Z',
      '2026-01-16T00:00:30Z',
      [
        '1m 2026-01-15T23:59:00.000Z',
        '5m 2026-01-15T23:55:00.000Z',
        '15m 2026-01-15T23:45:00.000Z',
        '1h 2026-01-15T23:00:00.000Z',
        '4h 2026-01-15T20:00:00.000Z',
        '1d 2026-01-15T00:00:00.000Z',
      ],
    ],
    [
      'several minutes after a pause, by end',
      '2026-01-15T12:13:30Z',
      '2026-01-15T12:16:10Z',
      [
        '1m 2026-01-15T12:13:00.000Z',
        '1m 2026-01-15T12:14:00.000Z',
        '5m 2026-01-15T12:10:00.000Z',
        '15m 2026-01-15T12:00:00.000Z',
        '1m 2026-01-15T12:15:00.000Z',
      ],
    ],
    ['an empty window', '2026-01-15T12:05:30Z', '2026-01-15T12:05:30Z', []],
  ];

  it.each(cases)('%s', (_name, after, upTo, expected) => {
    expect(describeBuckets(bucketsDueBetween(at(after), at(upTo), GRACE))).toEqual(expected);
  });
});

describe('nextDueAt', () => {
  it.each([
    ['2026-01-15T12:00:00Z', '2026-01-15T12:00:10.000Z'],
    ['2026-01-15T12:00:10Z', '2026-01-15T12:01:10.000Z'],
    ['2026-01-15T12:00:09.999Z', '2026-01-15T12:00:10.000Z'],
    ['2026-01-15T12:00:59Z', '2026-01-15T12:01:10.000Z'],
  ])('after %s: %s', (now, expected) => {
    expect(nextDueAt(at(now), GRACE).toISOString()).toBe(expected);
  });
});

describe('CandleCloseCursor', () => {
  it('starts from its start instant: older buckets are never due', () => {
    const cursor = new CandleCloseCursor(at('2026-01-15T12:05:30Z'), GRACE);
    expect(cursor.due(at('2026-01-15T12:05:30Z'))).toEqual([]);
    expect(describeBuckets(cursor.due(at('2026-01-15T12:06:10Z')))).toEqual([
      '1m 2026-01-15T12:05:00.000Z',
    ]);
  });

  it('hands out a bucket marked done never again, before or after advancing', () => {
    const cursor = new CandleCloseCursor(at('2026-01-15T12:04:30Z'), GRACE);
    const [minute, fiveMinutes] = cursor.due(at('2026-01-15T12:05:30Z'));
    cursor.markDone(minute);
    // Reading the five-minute candle failed: only it is due again.
    expect(describeBuckets(cursor.due(at('2026-01-15T12:05:40Z')))).toEqual([
      '5m 2026-01-15T12:00:00.000Z',
    ]);
    cursor.markDone(fiveMinutes);
    cursor.advance(at('2026-01-15T12:05:40Z'));
    expect(cursor.due(at('2026-01-15T12:06:00Z'))).toEqual([]);
    expect(describeBuckets(cursor.due(at('2026-01-15T12:06:10Z')))).toEqual([
      '1m 2026-01-15T12:05:00.000Z',
    ]);
  });

  it('does not move back', () => {
    const cursor = new CandleCloseCursor(at('2026-01-15T12:06:30Z'), GRACE);
    cursor.advance(at('2026-01-15T12:00:00Z'));
    expect(cursor.due(at('2026-01-15T12:06:30Z'))).toEqual([]);
  });

  it('after advancing, no longer hands out what was due before, even when not marked done', () => {
    const cursor = new CandleCloseCursor(at('2026-01-15T12:04:30Z'), GRACE);
    expect(cursor.due(at('2026-01-15T12:05:30Z'))).not.toEqual([]);
    cursor.advance(at('2026-01-15T12:05:30Z'));
    expect(cursor.due(at('2026-01-15T12:05:40Z'))).toEqual([]);
  });

  it('keeps what is marked done when advanced to the instant it already checked up to', () => {
    const cursor = new CandleCloseCursor(at('2026-01-15T12:04:30Z'), GRACE);
    const [minute] = cursor.due(at('2026-01-15T12:05:30Z'));
    cursor.markDone(minute);
    cursor.advance(at('2026-01-15T12:04:30Z'));
    expect(describeBuckets(cursor.due(at('2026-01-15T12:05:30Z')))).toEqual([
      '5m 2026-01-15T12:00:00.000Z',
    ]);
  });
});
