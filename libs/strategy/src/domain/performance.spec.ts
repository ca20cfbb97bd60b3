import {
  dailyReturns,
  exposure,
  maxDrawdown,
  measurePerformance,
  sharpeRatio,
  sortinoRatio,
  type ClosedTrade,
  type EquityPoint,
} from './performance';

const at = (iso: string) => new Date(`2026-01-${iso}Z`);
const point = (iso: string, equityUsd: string, inPosition = false): EquityPoint => ({
  at: at(iso),
  equityUsd,
  inPosition,
});
const trade = (pnlUsd: string): ClosedTrade => ({
  symbol: 'BTC',
  pnlUsd,
  openedAt: at('01T00:00:00'),
  closedAt: at('01T01:00:00'),
});

/** Days closing at +2 %, −1 %, +3 % from a start of 100 000. */
const CURVE = [
  point('01T00:00:00', '100000'),
  point('01T08:00:00', '99000', true),
  point('01T23:00:00', '102000'),
  point('02T12:00:00', '100980', true),
  point('03T00:00:00', '103000', true),
  point('03T23:59:59.999', '104009.4'),
];

describe('performance', () => {
  it('computes Sharpe and Sortino from daily returns, annualised with √365', () => {
    const returns = [0.02, -0.01, 0.03];
    const mean = (0.02 - 0.01 + 0.03) / 3;
    const sampleSd = Math.sqrt(((0.02 - mean) ** 2 + (-0.01 - mean) ** 2 + (0.03 - mean) ** 2) / 2);
    const downside = Math.sqrt(0.01 ** 2 / 3);
    expect(sharpeRatio(returns)).toBeCloseTo((mean / sampleSd) * Math.sqrt(365), 10);
    expect(sharpeRatio(returns)).toBeCloseTo(12.237, 3);
    expect(sortinoRatio(returns)).toBeCloseTo((mean / downside) * Math.sqrt(365), 10);
    expect(sortinoRatio(returns)).toBeCloseTo(44.121, 3);
  });

  it.each([
    ['no returns', [], null, null],
    ['one day', [0.05], null, null],
    ['no deviation', [0.01, 0.01], null, null],
    ['no losing day', [0.01, 0.03], (0.02 / Math.sqrt(0.0002)) * Math.sqrt(365), null],
    [
      'a flat and a losing day',
      [0, -0.02],
      (-0.01 / Math.sqrt(0.0002)) * Math.sqrt(365),
      (-0.01 / Math.sqrt(0.0004 / 2)) * Math.sqrt(365),
    ],
  ])('with %s: Sharpe %p, Sortino %p', (_name, returns, sharpe, sortino) => {
    const [actualSharpe, actualSortino] = [sharpeRatio(returns), sortinoRatio(returns)];
    expect([actualSharpe === null, actualSortino === null]).toEqual([
      sharpe === null,
      sortino === null,
    ]);
    expect(actualSharpe ?? 0).toBeCloseTo(sharpe ?? 0, 10);
    expect(actualSortino ?? 0).toBeCloseTo(sortino ?? 0, 10);
  });

  it.each<[string, EquityPoint[], number[]]>([
    ['the last equity of each UTC day against the day before', CURVE, [0.02, -0.01, 0.03]],
    [
      'a day without points is a day without change',
      [point('01T00:00:00', '100'), point('01T23:00:00', '110'), point('03T10:00:00', '121')],
      [0.1, 0, 0.1],
    ],
    ['one point', [point('05T10:00:00', '100')], [0]],
    ['no points', [], []],
  ])('daily returns: %s', (_name, curve, expected) => {
    expect(dailyReturns(curve)).toEqual(expected);
  });

  it.each<[string, string[], string, string]>([
    ['none on a rising curve', ['100', '110', '120'], '0', '0'],
    ['the USD and % maxima may come from different falls', ['100', '50', '300', '210'], '90', '50'],
    ['from the highest peak so far', ['100', '120', '110', '90', '130'], '30', '25'],
  ])('max drawdown: %s', (_name, equities, usd, pct) => {
    const curve = equities.map((equity, i) => ({
      ...point('01T00:00:00', equity),
      at: new Date(i),
    }));
    const drawdown = maxDrawdown(curve);
    expect([drawdown.usd.toFixed(), drawdown.pct.toFixed()]).toEqual([usd, pct]);
  });

  it.each<[string, EquityPoint[], number | null]>([
    [
      '6 h and 12 h in a position out of 24 h',
      [
        point('01T00:00:00', '1', true),
        point('01T06:00:00', '1', false),
        point('01T12:00:00', '1', true),
        point('02T00:00:00', '1', false),
      ],
      0.75,
    ],
    ['always flat', [point('01T00:00:00', '1'), point('02T00:00:00', '1')], 0],
    [
      'the last point opens no time',
      [point('01T00:00:00', '1'), point('02T00:00:00', '1', true)],
      0,
    ],
    ['no span', [point('01T00:00:00', '1', true)], null],
  ])('exposure: %s', (_name, curve, expected) => {
    expect(exposure(curve)).toBe(expected);
  });

  it('puts it all together', () => {
    const performance = measurePerformance({
      trades: ['10', '-5', '0', '20.5'].map(trade),
      equityCurve: [...CURVE].reverse(),
      openPositions: [
        { symbol: 'BTC', size: '2', entryPrice: '100', markPrice: '105' },
        { symbol: 'ETH', size: '-1', entryPrice: '50', markPrice: '55' },
      ],
    });
    expect(performance).toEqual({
      tradeCount: 4,
      wins: 2,
      losses: 1,
      winRate: 0.5,
      realisedPnlUsd: '25.5',
      unrealisedPnlUsd: '5',
      totalPnlUsd: '30.5',
      // 100 000 → 99 000 and 102 000 → 100 980: 1 020 is the larger fall, 1 % the larger share.
      maxDrawdownUsd: '1020',
      maxDrawdownPct: '1',
      // In a position from 08:00 to 23:00 on the 1st, then from noon on the 2nd to 00:00 on the 3rd
      // and on to 23:59:59.999: 15 h + 12 h + (24 h − 1 ms) out of 72 h − 1 ms.
      exposure: (15 * 3_600_000 + 12 * 3_600_000 + 86_400_000 - 1) / (3 * 86_400_000 - 1),
      dailyReturns: [0.02, -0.01, 0.03],
      sharpe: sharpeRatio([0.02, -0.01, 0.03]),
      sortino: sortinoRatio([0.02, -0.01, 0.03]),
    });
  });

  it('has nothing to divide by before the first trade', () => {
    const performance = measurePerformance({ trades: [], equityCurve: [], openPositions: [] });
    expect(performance).toMatchObject({
      tradeCount: 0,
      winRate: null,
      realisedPnlUsd: '0',
      maxDrawdownUsd: '0',
      exposure: null,
      sharpe: null,
      sortino: null,
    });
  });
});
