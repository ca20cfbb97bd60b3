import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from '@nexwave/core/testing';

import { startApp, waitForOk, type AppProcess } from './app-process';

/** The README's strategy demo: 1m candles, a window of 3, and a volatile simulated walk. */
export const DEMO_PARAMETERS = {
  timeframe: '1m',
  lookback: 3,
  entryStdDevs: 0.5,
  exitStdDevs: 0,
  stopLossPct: 1,
  takeProfitPct: 1,
  whaleMaxAgeMinutes: 1,
} as const;
export const DEMO_ADMIN_API_KEY = `nxk_0123456789abcdef_${'A'.repeat(43)}`;

export interface DemoApp {
  readonly app: AppProcess;
  /** http://127.0.0.1:<port> of the app's API. */
  readonly base: string;
  /** REST base of the app's simulator (ends in /api/v1). */
  readonly simUrl: string;
  /** Its embedded database's data directory, removed by stop(). */
  readonly dataDir: string;
  /** GET or POST `path` with the admin key; throws unless it answers 200. */
  send<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T>;
  /** Polls every second until `find` returns something; fails after `timeoutMs` or if the app exits. */
  poll<T>(what: string, timeoutMs: number, find: () => Promise<T | undefined>): Promise<T>;
  /** Kills the app if it still runs and removes its data directory. */
  stop(): Promise<void>;
}

/**
 * The all-in-one app as a process running the demo strategy on its simulator, on a private data
 * directory and ports; `env` adds to (or overrides) the demo's settings. Resolves once /health
 * answers; a failed start stops the app and removes its data directory before it throws.
 */
export async function startDemoApp(
  env: Record<string, string> = {},
  healthTimeoutMs = 120_000,
): Promise<DemoApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nexwave-demo-'));
  const port = await freePort();
  const simPort = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = startApp('nexwave', {
    STRATEGY_ID: 'demo',
    STRATEGY_PARAMETERS: JSON.stringify(DEMO_PARAMETERS),
    SIM_VOLATILITY: '0.0005',
    PORT: String(port),
    EMBEDDED_DB_DIR: dataDir,
    EMBEDDED_DB_PORT: String(await freePort()),
    PACIFICA_SIM_PORT: String(simPort),
    ADMIN_API_KEY: DEMO_ADMIN_API_KEY,
    ...env,
  });
  const stop = async () => {
    if (app.child.exitCode === null && app.child.signalCode === null) {
      app.child.kill('SIGKILL');
      await app.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForOk(`${base}/health`, app, healthTimeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }

  async function send<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${DEMO_ADMIN_API_KEY}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    if (response.status !== 200) {
      throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    }
    return (await response.json()) as T;
  }

  async function poll<T>(
    what: string,
    timeoutMs: number,
    find: () => Promise<T | undefined>,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await find();
      if (found !== undefined) {
        return found;
      }
      if (Date.now() > deadline || app.child.exitCode !== null) {
        throw new Error(`no ${what} within ${timeoutMs} ms:\n${app.output().slice(-4_000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }

  return {
    app,
    base,
    simUrl: `http://127.0.0.1:${simPort}/api/v1`,
    dataDir,
    send,
    poll,
    stop,
  };
}
