import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from '@nexwave/core/testing';

import { startApp, waitForOk, type AppProcess } from '../support/app-process';

// The README's promise: `npm start` serves /health and /docs on embedded defaults, logs no
// secret, prints a first admin API key once, shuts down cleanly, and keeps its data across restarts.
describe('all-in-one app (apps/nexwave) as a process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nexwave-e2e-'));
  const token = '123456:SECRET-bot-token-value';
  let env: Record<string, string>;
  let app: AppProcess | undefined;

  beforeAll(async () => {
    env = {
      PORT: String(await freePort()),
      EMBEDDED_DB_DIR: dataDir,
      EMBEDDED_DB_PORT: String(await freePort()),
      PACIFICA_SIM_PORT: String(await freePort()),
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_CHAT_ID: '42',
      LOG_LEVEL: 'debug',
    };
  });

  afterEach(async () => {
    if (app && app.child.exitCode === null) {
      app.child.kill('SIGKILL');
      await app.exited;
    }
  });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const base = () => `http://127.0.0.1:${env['PORT']}`;

  interface CandlesResponse {
    candles: { time: string; close: string }[];
  }

  async function getJson<T>(url: string): Promise<T> {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  async function postGraphql(query: string): Promise<unknown> {
    const response = await fetch(`${base()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(10_000),
    });
    return response.json();
  }

  /**
   * The oldest candle at `url`, once the simulator's first trades have been stored. Until a
   * symbol's first trade is stored the API does not know it yet: 400 UNKNOWN_SYMBOL.
   */
  async function waitForCandle(url: string): Promise<{ time: string }> {
    const deadline = Date.now() + 30_000;
    let oldest: { time: string } | undefined;
    while (!oldest && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      const body = (await response.json()) as CandlesResponse & { code?: string };
      if (response.status === 400 && body.code === 'UNKNOWN_SYMBOL') {
        continue;
      }
      expect(response.status).toBe(200);
      oldest = body.candles.at(-1);
    }
    if (!oldest) {
      throw new Error(`no candle within 30 s at ${url}`);
    }
    return oldest;
  }

  async function boot(): Promise<AppProcess> {
    const started = startApp('nexwave', env);
    await waitForOk(`http://127.0.0.1:${env['PORT']}/health`, started, 60_000);
    return started;
  }

  /** The first admin key the app printed, after checking it is printed once and works. */
  async function firstAdminKey(output: string): Promise<string> {
    const keys = output.match(/nxk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}/g) ?? [];
    expect(output.match(/First start: an admin API key was created/g)).toHaveLength(1);
    // The key itself and its curl example, in the one notice.
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    const key = keys[0]!;
    expect(output).toContain(
      `curl -H 'Authorization: Bearer ${key}' ${base()}/api/v1/admin/api-keys`,
    );
    const listed = await fetch(`${base()}/api/v1/admin/api-keys`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(listed.status).toBe(200);
    expect((await fetch(`${base()}/api/v1/admin/api-keys`)).status).toBe(401);
    return key;
  }

  /** Without JWT_SECRET the app warns, and signs tokens with a secret of its own. */
  async function tokenFor(key: string, output: string): Promise<string> {
    expect(output).toContain('JWT_SECRET is not set');
    const response = await fetch(`${base()}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiKey: key }),
    });
    expect(response.status).toBe(200);
    const { accessToken } = (await response.json()) as { accessToken: string };
    const listed = await fetch(`${base()}/api/v1/admin/api-keys`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(listed.status).toBe(200);
    return accessToken;
  }

  it('serves /health, /docs and the simulator, stops on SIGTERM, keeps data across a restart', async () => {
    app = await boot();
    const adminKey = await firstAdminKey(app.output());
    const token = await tokenFor(adminKey, app.output());
    const health = await fetch(`http://127.0.0.1:${env['PORT']}/health`);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' } },
    });
    const docs = await fetch(`http://127.0.0.1:${env['PORT']}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger-ui');
    const info = await fetch(`http://127.0.0.1:${env['PACIFICA_SIM_PORT']}/api/v1/info`);
    expect(await info.json()).toMatchObject({
      success: true,
      data: expect.arrayContaining([expect.objectContaining({ symbol: 'BTC' })]) as unknown,
    });

    // Fed by the simulator, every market has 1m and 5m candles, the same over REST and GraphQL.
    const markets = ['BTC', 'ETH', 'SOL', 'kBONK'];
    for (const symbol of markets) {
      for (const [timeframe, graphqlTimeframe] of [
        ['1m', 'M1'],
        ['5m', 'M5'],
      ]) {
        const rest = await waitForCandle(`${base()}/api/v1/candles/${symbol}/${timeframe}?limit=1`);
        const graphql = await postGraphql(
          `{ candles(symbol: "${symbol}", timeframe: ${graphqlTimeframe}, limit: 1) { time } }`,
        );
        expect(graphql).toEqual({ data: { candles: [{ time: rest.time }] } });
      }
    }
    const { symbols } = await getJson<{ symbols: string[] }>(`${base()}/api/v1/symbols`);
    expect([...symbols].sort()).toEqual([...markets].sort());

    // Data written before the restart: candles rolled up from the simulator's trades.
    const before = await waitForCandle(`${base()}/api/v1/candles/BTC/1m?limit=5000`);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    expect(app.output()).not.toContain(token);

    app = await boot();
    // The admin key of the first start still works and is neither created again nor printed.
    expect(app.output()).not.toContain('First start');
    expect(app.output()).not.toContain(adminKey);
    const listed = await fetch(`${base()}/api/v1/admin/api-keys`, {
      headers: { authorization: `Bearer ${adminKey}` },
    });
    expect(((await listed.json()) as { apiKeys: unknown[] }).apiKeys).toHaveLength(1);
    // The per-process JWT secret of the first start is gone with it.
    const stale = await fetch(`${base()}/api/v1/admin/api-keys`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(stale.status).toBe(401);
    const after = await getJson<CandlesResponse>(
      `${base()}/api/v1/candles/BTC/1m?to=${encodeURIComponent(before.time)}&limit=1`,
    );
    expect(after.candles[0]?.time).toBe(before.time);
    app.child.kill('SIGINT');
    expect(await app.exited).toBe(0);
  });

  it('refuses a bad variable with one line naming it', async () => {
    app = startApp('nexwave', { ...env, PORT: 'not-a-port' });
    expect(await app.exited).toBe(1);
    const lines = app.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^nexwave: Invalid configuration: PORT is invalid: .*"not-a-port"/);
  });
});
