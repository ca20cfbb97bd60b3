import { OptimiseError } from './optimise.errors';
import { gridSets, parseRange, parseRanges, randomSets } from './parameter-space';

describe('parseRange', () => {
  it.each([
    ['lookback=10:40:5', [10, 15, 20, 25, 30, 35, 40]],
    ['entryStdDevs=1.5:3:0.5', [1.5, 2, 2.5, 3]],
    ['x=0.1:0.3:0.1', [0.1, 0.2, 0.3]],
    ['x=1:2:5', [1]],
    ['timeframe=1h,4h', ['1h', '4h']],
    ['lookback=20', [20]],
  ])('%s', (spec, values) => {
    expect(parseRange(spec).values).toEqual(values);
  });

  it.each([
    ['lookback=10:40', 'lookback'],
    ['lookback=40:10:5', 'lookback'],
    ['entryStdDevs=1:3:0', 'entryStdDevs'],
    ['entryStdDevs=1:x:1', 'entryStdDevs'],
    ['stopLossPct=', 'stopLossPct'],
    ['lookback', 'lookback'],
    ['lookback=1:1000000:1', 'lookback'],
  ])('rejects %s naming %s', (spec, parameter) => {
    const error = (() => {
      try {
        parseRange(spec);
      } catch (e) {
        return e;
      }
    })() as OptimiseError;
    expect(error).toBeInstanceOf(OptimiseError);
    expect(error.details.parameter).toBe(parameter);
    expect(error.message).toContain(parameter);
  });

  it('rejects a parameter given twice', () => {
    expect(() => parseRanges(['lookback=10:20:5', 'lookback=30'])).toThrow(
      'parameter lookback is given twice',
    );
  });
});

describe('parameter sets', () => {
  const ranges = parseRanges(['lookback=10:40:5', 'entryStdDevs=1.5:3:0.5']);

  it('multiplies the grids', () => {
    const sets = gridSets(ranges);
    expect(sets).toHaveLength(28);
    expect(sets.slice(0, 5)).toEqual([
      { lookback: 10, entryStdDevs: 1.5 },
      { lookback: 10, entryStdDevs: 2 },
      { lookback: 10, entryStdDevs: 2.5 },
      { lookback: 10, entryStdDevs: 3 },
      { lookback: 15, entryStdDevs: 1.5 },
    ]);
    expect(new Set(sets.map((s) => JSON.stringify(s))).size).toBe(28);
  });

  it('draws distinct random sets from the same values, the same for the same seed', () => {
    const sets = randomSets(ranges, 10, 42);
    expect(sets).toHaveLength(10);
    expect(new Set(sets.map((s) => JSON.stringify(s))).size).toBe(10);
    const grid = new Set(gridSets(ranges).map((s) => JSON.stringify(s)));
    expect(sets.every((s) => grid.has(JSON.stringify(s)))).toBe(true);
    expect(randomSets(ranges, 10, 42)).toEqual(sets);
    expect(randomSets(ranges, 10, 43)).not.toEqual(sets);
    expect(randomSets(ranges, 100, 42)).toEqual(gridSets(ranges));
  });
});
