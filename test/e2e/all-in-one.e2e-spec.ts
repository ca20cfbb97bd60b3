import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

import { buildOnce, startApp, waitForOk, type AppProcess } from '../support/app-process';
import { freePort } from '../support/free-port';

// The README's promise: `npm start` serves /health and /docs on embedded defaults, logs no
// secret, shuts down cleanly, and keeps its data across restarts.
describe('all-in-one app (apps/nexwave) as a process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nexwave-e2e-'));
  const token = '123456:SECRET-bot-token-value';
  let env: Record<string, string>;
  let app: AppProcess | undefined;

  beforeAll(async () => {
    buildOnce();
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

  async function boot(): Promise<AppProcess> {
    const started = startApp('nexwave', env);
    await waitForOk(`http://127.0.0.1:${env['PORT']}/health`, started, 60_000);
    return started;
  }

  it('serves /health, /docs and the simulator, stops on SIGTERM, keeps data across a restart', async () => {
    app = await boot();
    const health = await fetch(`http://127.0.0.1:${env['PORT']}/health`);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' } },
    });
    const docs = await fetch(`http://127.0.0.1:${env['PORT']}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger-ui');
    const markets = await fetch(`http://127.0.0.1:${env['PACIFICA_SIM_PORT']}/api/v1/info`);
    expect(await markets.json()).toMatchObject({
      success: true,
      data: expect.arrayContaining([expect.objectContaining({ symbol: 'BTC' })]) as unknown,
    });

    const db = new Client({
      connectionString: `postgres://postgres@127.0.0.1:${env['EMBEDDED_DB_PORT']}/postgres`,
    });
    await db.connect();
    await db.query(
      `INSERT INTO ticks (time, symbol, price, size, side, trade_id) VALUES ('2026-01-01T00:00:00Z', 'kBONK', '0.000021', '1000', 'buy', 'e2e-1')`,
    );
    await db.end();

    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    expect(app.output()).not.toContain(token);

    app = await boot();
    const again = new Client({
      connectionString: `postgres://postgres@127.0.0.1:${env['EMBEDDED_DB_PORT']}/postgres`,
    });
    await again.connect();
    const { rows } = await again.query<{ price: string }>(
      `SELECT price FROM ticks WHERE trade_id = 'e2e-1'`,
    );
    await again.end();
    expect(rows).toEqual([{ price: '0.000021' }]);
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
