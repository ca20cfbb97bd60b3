import { bars, replay, T0 } from '../testing/candles';
import { maCrossover, MaCrossoverStrategy, type MaCrossoverParameters } from './ma-crossover';

const strategy = (parameters: Partial<MaCrossoverParameters> = {}) =>
  new MaCrossoverStrategy('ma-1', maCrossover.parameters.parse(parameters));

/**
 * With fast 2 (α = 2/3) and slow 3 (α = 1/2), both seeded at 10: at 13 the fast EMA is 12 and
 * the slow 11.5 (a cross up); at the next 13 they are 12.67 and 12.25; at 7 they are 8.89 and
 * 9.625 (a cross down).
 */
const UP_AND_DOWN = [10, 10, 10, 10, 13, 13, 7, 7];

describe('MaCrossoverStrategy', () => {
  it('enters on the cross up with 10 % of equity and carries both EMAs', () => {
    const [entry] = replay(strategy({ fastPeriod: 2, slowPeriod: 3 }), bars(UP_AND_DOWN));
    expect(entry).toEqual({
      symbol: 'BTC',
      side: 'bid',
      intent: 'entry',
      size: '769.23076923076923077',
      price: '13',
      stopLoss: null,
      takeProfit: null,
      reason: 'fast-crossed-above',
      indicators: { close: '13', fastEma: '12', slowEma: '11.5' },
      bucketStart: new Date(T0.getTime() + 4 * 3_600_000),
    });
  });

  it.each<[string, number[], [number, string][]]>([
    [
      'in on the cross up, out on the cross down',
      UP_AND_DOWN,
      [
        [4, 'entry'],
        [6, 'exit'],
      ],
    ],
    ['nothing while the averages agree', [10, 10, 10, 10, 10], []],
    ['no exit without a position', [10, 10, 10, 7, 7], []],
    ['no entry when the fast EMA starts above: that is not a cross', [10, 13, 13, 7], []],
    [
      'again in on the next cross up',
      [...UP_AND_DOWN, 20],
      [
        [4, 'entry'],
        [6, 'exit'],
        [8, 'entry'],
      ],
    ],
  ])('%s', (_name, closes, expected) => {
    const signals = replay(strategy({ fastPeriod: 2, slowPeriod: 3 }), bars(closes));
    expect(
      signals.map((signal) => [
        (signal.bucketStart.getTime() - T0.getTime()) / 3_600_000,
        signal.intent,
      ]),
    ).toEqual(expected);
  });

  it('does not add to a long on a second cross up', () => {
    const long = [{ symbol: 'BTC', size: '1', entryPrice: '10' }];
    expect(
      replay(strategy({ fastPeriod: 2, slowPeriod: 3 }), bars([10, 10, 10, 13]), '100000', long),
    ).toEqual([]);
  });

  it.each([
    [{}, true],
    [{ fastPeriod: 26, slowPeriod: 26 }, false],
    [{ fastPeriod: 0 }, false],
  ])('validates parameters %j', (parameters, valid) => {
    expect(maCrossover.parameters.safeParse(parameters).success).toBe(valid);
  });
});
