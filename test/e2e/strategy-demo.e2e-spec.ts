import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from '@nexwave/core/testing';

import { startApp, waitForOk, type AppProcess } from '../support/app-process';

/** The README's strategy demo: 1m candles, a window of 3, and a volatile simulated walk. */
const DEMO_ENV = {
  STRATEGY_ID: 'demo',
  STRATEGY_PARAMETERS: JSON.stringify({
    timeframe: '1m',
    lookback: 3,
    entryStdDevs: 0.5,
    exitStdDevs: 0,
    stopLossPct: 1,
    takeProfitPct: 1,
    whaleMaxAgeMinutes: 1,
  }),
  SIM_VOLATILITY: '0.0005',
};
const ADMIN_API_KEY = `nxk_0123456789abcdef_${'A'.repeat(43)}`;
const MINUTE_MS = 60_000;

interface Order {
  clientOrderId: string;
  strategyId: string;
  symbol: string;
  side: string;
  amount: string;
  reduceOnly: boolean;
  paperTrading: boolean;
  status: string;
  filledAmount: string;
  averageFillPrice: string | null;
}

interface Position {
  symbol: string;
  size: string;
}

// The "done when": the all-in-one app on its simulator runs the strategy end to end in
// paper mode, candles -> signal -> risk -> order request -> paper fill -> position, over REST.
// With the demo setting the first entry comes a few minutes after the start (the window needs
// three closed 1m candles first).
describe('all-in-one app: the strategy demo trades end to end', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nexwave-demo-e2e-'));
  let app: AppProcess | undefined;
  let base = '';

  afterAll(async () => {
    if (app && app.child.exitCode === null) {
      app.child.kill('SIGKILL');
      await app.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function get<T>(path: string): Promise<T> {
    const response = await fetch(`${base}${path}`, {
      headers: { authorization: `Bearer ${ADMIN_API_KEY}` },
      signal: AbortSignal.timeout(10_000),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  /** Polls every second until `find` returns something; fails after `timeoutMs`. */
  async function poll<T>(what: string, timeoutMs: number, find: () => Promise<T | undefined>) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await find();
      if (found !== undefined) {
        return found;
      }
      if (Date.now() > deadline || app?.child.exitCode !== null) {
        throw new Error(`no ${what} within ${timeoutMs} ms:\n${app?.output().slice(-4_000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }

  it(
    'candles -> signal -> risk -> order -> paper fill -> position',
    async () => {
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      app = startApp('nexwave', {
        ...DEMO_ENV,
        PORT: String(port),
        EMBEDDED_DB_DIR: dataDir,
        EMBEDDED_DB_PORT: String(await freePort()),
        PACIFICA_SIM_PORT: String(await freePort()),
        ADMIN_API_KEY,
      });
      await waitForOk(`${base}/health`, app, 60_000);

      // The first entry the strategy sent, once order management reports it filled on paper.
      const entry = await poll('filled entry of the demo strategy', 15 * MINUTE_MS, async () => {
        const { orders } = await get<{ orders: Order[] }>('/api/v1/orders?strategyId=demo');
        return orders.find((order) => !order.reduceOnly && order.status === 'filled');
      });
      expect(entry).toMatchObject({ strategyId: 'demo', side: 'bid', paperTrading: true });
      expect(entry.filledAmount).toBe(entry.amount);
      expect(Number(entry.averageFillPrice)).toBeGreaterThan(0);

      // Its signal was checked by risk and sent under the order's client order id.
      expect(app.output()).toMatch(
        new RegExp(
          `signal ${entry.clientOrderId}: entry bid ${entry.amount} ${entry.symbol} .*: sent \\(risk: approved`,
        ),
      );

      // The fill made a position (found within a second of it; an exit needs another candle).
      const { positions } = await get<{ positions: Position[] }>('/api/v1/positions');
      const held = positions.find((position) => position.symbol === entry.symbol);
      expect(Number(held?.size)).toBeGreaterThan(0);
    },
    20 * MINUTE_MS,
  );
});
