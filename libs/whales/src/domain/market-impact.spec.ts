import {
  IMPACT_HORIZONS_MINUTES,
  impactBps,
  impactDueAt,
  nextImpactDueAt,
  pendingImpactHorizons,
  settleImpacts,
  type ImpactHorizon,
} from './market-impact';
import { T0 } from './testing/books';
import { WhalesError } from './whales.errors';

function thrown(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

const minutes = (m: number, seconds = 0) => new Date(T0.getTime() + m * 60_000 + seconds * 1_000);

describe('impactBps', () => {
  it.each([
    ['bid whale, price up: positive', 'bid', '100', '101', 100],
    ['bid whale, price down: negative', 'bid', '100', '99.5', -50],
    ['ask whale, price down: positive', 'ask', '100', '99', 100],
    ['ask whale, price up: negative', 'ask', '100', '100.25', -25],
    ['no move', 'ask', '97000', '97000', 0],
    ['rounded to 0.01 bp', 'bid', '3', '3.0001', 0.33],
    ['tiny prices (kBONK) are exact', 'bid', '0.000021', '0.0000211', 47.62],
  ] as const)('%s', (_case, side, from, to, expected) => {
    expect(impactBps(side, from, to)).toBe(expected);
  });

  it.each([
    ['0', '1'],
    ['-1', '1'],
    ['1', 'abc'],
    ['1', ''],
    ['Infinity', '1'],
    ['1', '-Infinity'],
  ])('rejects non-positive or malformed prices (%s -> %s)', (from, to) => {
    expect(() => impactBps('bid', from, to)).toThrow(WhalesError);
  });

  it('names the bad price and its value', () => {
    expect(thrown(() => impactBps('ask', '100', 'abc'))).toMatchObject({
      code: 'INVALID_PRICE',
      message: 'priceLater must be a positive decimal, got "abc"',
      details: { priceLater: 'abc' },
    });
    expect(thrown(() => impactBps('ask', '-5', '100'))).toMatchObject({
      message: 'priceAtDetection must be a positive decimal, got "-5"',
      details: { priceAtDetection: '-5' },
    });
  });
});

describe('impact schedule', () => {
  it('measures at 1, 5, 15 and 60 minutes after detection', () => {
    expect(IMPACT_HORIZONS_MINUTES.map((h) => impactDueAt(T0, h))).toEqual([
      minutes(1),
      minutes(5),
      minutes(15),
      minutes(60),
    ]);
  });

  it.each([
    ['nothing before the first minute', minutes(0, 59), [], [], []],
    ['1 minute exactly at its time', minutes(1), [], [1], []],
    ['5 due, 1 missed when the 1-minute check never ran', minutes(5), [], [5], [1]],
    ['1 still due within a minute of lateness', minutes(2), [], [1], []],
    ['only what is not measured yet', minutes(15, 30), [1, 5], [15], []],
    ['a horizon over a minute late is missed', minutes(16, 1), [1, 5], [], [15]],
    ['all measured: nothing', minutes(90), [1, 5, 15, 60], [], []],
    ['after a long outage', minutes(60, 30), [1], [60], [5, 15]],
  ] as const)('%s', (_case, now, measured, due, missed) => {
    expect(pendingImpactHorizons(T0, now, measured)).toEqual({ due, missed });
  });

  it('names the next time a horizon falls due', () => {
    expect(nextImpactDueAt(T0, [])).toEqual(minutes(1));
    expect(nextImpactDueAt(T0, [1, 5])).toEqual(minutes(15));
    expect(nextImpactDueAt(T0, [1, 5, 15, 60])).toBeNull();
  });
});

describe('settleImpacts', () => {
  const prices = (entries: [ImpactHorizon, string | null][]) => new Map(entries);

  it.each([
    [
      'measures due horizons with a price, waits for a due one without',
      { due: [1, 5], missed: [] },
      prices([[1, '101']]),
      0,
      { measured: [{ horizon: 1, bps: 100 }], missed: [], done: false },
    ],
    [
      'gives up a late horizon without a price, measures a late one with a price',
      { due: [], missed: [15, 60] },
      prices([
        [15, null],
        [60, '99'],
      ]),
      2,
      { measured: [{ horizon: 60, bps: -100 }], missed: [15], done: true },
    ],
    [
      'nothing to settle',
      { due: [], missed: [] },
      prices([]),
      1,
      { measured: [], missed: [], done: false },
    ],
  ] as const)('%s', (_case, pending, priceAt, alreadySettled, expected) => {
    expect(
      settleImpacts(
        'bid',
        '100',
        { due: [...pending.due], missed: [...pending.missed] },
        priceAt,
        alreadySettled,
      ),
    ).toEqual(expected);
  });
});
