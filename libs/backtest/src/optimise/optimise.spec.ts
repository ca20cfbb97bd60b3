import { runBacktest } from '@nexwave/backtest';
import { walkCandles } from '@nexwave/backtest/testing';
import type { Candle } from '@nexwave/strategy';

import { candlesIn, type OptimiseBase } from './evaluate';
import { parseObjective } from './objective';
import { optimise, walkForward, type OptimiseRun } from './optimise';
import { OptimiserPool } from './optimiser-pool';
import { gridSets, parseRanges } from './parameter-space';
import { walkForwardFolds } from './walk-forward';

// Worker start-up (swc compiling the sources) is slow on a loaded machine: not a timing assertion.
jest.setTimeout(120_000);

const candles = walkCandles(11, 480, { timeframe: '1h', volatility: 0.02 });
const base: OptimiseBase = {
  strategy: 'mean_reversion',
  parameters: { takeProfitPct: 4 },
  timeframe: '1h',
  symbols: ['BTC'],
  markets: { BTC: { lotSize: '0.00001', tickSize: '0.01' } },
};
const sets = gridSets(parseRanges(['lookback=10:30:10', 'entryStdDevs=1.5:2.5:0.5']));
const direct = (parameters: object, input: readonly Candle[] = candles) =>
  runBacktest({ ...base, parameters: { ...base.parameters, ...parameters }, candles: input })
    .summary;
const ranking = (runs: readonly OptimiseRun[]) => runs.map((r) => r.parameters);

describe('optimise (worker threads)', () => {
  let one: OptimiserPool;
  let two: OptimiserPool;
  beforeAll(() => {
    one = new OptimiserPool(base, candles, 1);
    two = new OptimiserPool(base, candles, 2);
  });
  afterAll(async () => {
    await Promise.all([one?.close(), two?.close()]);
  });

  it('ranks a grid by the objective as runBacktest computes it, the same with 1 and 2 workers', async () => {
    const expected = sets
      .map((parameters, index) => ({ index, parameters, pnl: Number(direct(parameters).pnl) }))
      .sort((a, b) => b.pnl - a.pnl || a.index - b.index);
    expect(new Set(expected.map((e) => e.pnl)).size).toBeGreaterThan(5);

    const progress: number[] = [];
    const runs = await optimise(one, sets, parseObjective('pnl'), {
      onDone: (done) => progress.push(done),
    });
    expect(ranking(runs)).toEqual(expected.map((e) => e.parameters));
    expect(runs[0].summary).toEqual(direct(expected[0].parameters));
    expect(runs.map((r) => r.score)).toEqual(expected.map((e) => e.pnl));
    expect(progress).toEqual(sets.map((_, i) => i + 1));

    expect(await optimise(two, sets, 'pnl')).toEqual(runs);
  });

  it('ranks by sharpe, unmeasurable last', async () => {
    const runs = await optimise(two, sets, 'sharpe');
    const scores = runs.map((r) => r.score ?? -Infinity);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(runs.map((r) => r.score)).toEqual(runs.map((r) => direct(r.parameters).sharpe));
  });

  it('walks forward: the in-sample best, judged out of sample', async () => {
    const folds = walkForwardFolds(
      candles[0].bucketStart,
      new Date(candles[candles.length - 1].bucketStart.getTime() + 3_600_000),
      3,
    );
    const results = await walkForward(two, sets, 'pnl', folds);
    expect(results).toHaveLength(3);
    for (const { fold, best, outOfSample } of results) {
      const inSample = candlesIn(candles, fold.inSample);
      expect(inSample).toHaveLength(120);
      const bestDirect = Math.max(...sets.map((p) => Number(direct(p, inSample).pnl)));
      expect(Number(best.summary.pnl)).toBe(bestDirect);
      expect(best.summary.from).toBe(fold.inSample.from.toISOString());
      expect(outOfSample).toEqual(direct(best.parameters, candlesIn(candles, fold.outOfSample)));
      expect(outOfSample.from).toBe(fold.outOfSample.from.toISOString());
    }
    expect(await walkForward(one, sets, 'pnl', folds)).toEqual(results);
  });

  it('rejects with the error of a failed set once the sets in flight are back, and stays usable', async () => {
    await expect(optimise(two, [...sets, { lookback: 1 }, ...sets], 'pnl')).rejects.toThrow(
      `parameter set ${sets.length}: `,
    );
    expect(await optimise(two, sets, 'pnl')).toEqual(await optimise(one, sets, 'pnl'));
  });

  it('rejects a run whose worker dies, and every run after', async () => {
    const pool = new OptimiserPool(base, candles, 1);
    const run = optimise(pool, sets, 'pnl');
    await pool.close();
    await expect(run).rejects.toThrow('an optimiser worker exited');
    await expect(optimise(pool, sets, 'pnl')).rejects.toThrow('closed');
  });

  it('names an unknown objective', () => {
    expect(() => parseObjective('alpha')).toThrow('objective alpha: expected one of sharpe');
  });
});
