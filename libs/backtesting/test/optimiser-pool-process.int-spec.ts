import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

// @nexwave/backtest's pools one after another in a ts-node process, as the CLIs and the bench
// run them: jest cannot show this, its own process holds @swc/core already.
const SCRIPT = `
const { OptimiserPool, optimise, walkCandles } = require('@nexwave/backtest');
const candles = walkCandles(1, 300, { timeframe: '1m', from: 0 });
const base = { strategy: 'mean_reversion', parameters: {}, timeframe: '1m', symbols: ['BTC'],
  markets: { BTC: { lotSize: '0.00001', tickSize: '1' } } };
(async () => {
  const scores = [];
  for (let i = 0; i < 3; i++) {
    const pool = new OptimiserPool(base, candles, 1);
    try {
      scores.push((await optimise(pool, [{ lookback: 10 }, { lookback: 20 }], 'pnl')).map((r) => r.score));
    } finally {
      await pool.close();
    }
  }
  console.log(JSON.stringify(scores));
})();`;

describe('OptimiserPool in a ts-node process', () => {
  it('starts a pool after another one closed (workers compiling the sources with swc)', async () => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', '-e', SCRIPT],
      { cwd: ROOT },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) =>
      child.once('exit', (c, s) => done([c, s])),
    );
    expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: '' });
    const scores = JSON.parse(stdout) as number[][];
    expect(scores).toHaveLength(3);
    expect(scores[1]).toEqual(scores[0]);
    expect(scores[2]).toEqual(scores[0]);
  }, 120_000);
});
