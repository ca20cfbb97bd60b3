import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { freePort } from '@nexwave/core/testing';
import { findEmbeddedChildPid } from '@nexwave/database/testing';

import { startApp, waitForOk, type AppProcess } from '../support/app-process';

async function healthStatus(url: string): Promise<number> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(5_000) })).status;
  } catch {
    return 0;
  }
}

async function psqlError(url: string): Promise<string> {
  try {
    await promisify(execFile)('psql', [url, '-c', 'SELECT 1'], {
      env: { PATH: process.env['PATH'], PGCONNECT_TIMEOUT: '10' },
    });
  } catch (error) {
    return (error as { stderr: string }).stderr;
  }
  return 'psql was served';
}

// Issue 9, findings 2 and 3 on `npm start`: psql sessions on the embedded port froze the app;
// a kill -9 of the database child left it answering 503 forever with nothing logged.
describe('all-in-one app and its embedded TimescaleDB', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nexwave-e2e-db-'));
  let env: Record<string, string>;
  let app: AppProcess | undefined;

  beforeAll(async () => {
    env = {
      PORT: String(await freePort()),
      EMBEDDED_DB_DIR: dataDir,
      EMBEDDED_DB_PORT: String(await freePort()),
      PACIFICA_SIM_PORT: String(await freePort()),
    };
  });

  afterAll(async () => {
    if (app && app.child.exitCode === null) {
      app.child.kill('SIGKILL');
      await app.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses psql with a clear error, survives a kill -9 of the database and stops on SIGTERM', async () => {
    const health = `http://127.0.0.1:${env['PORT']}/health`;
    app = startApp('nexwave', env);
    await waitForOk(health, app, 90_000);

    const refusals = await Promise.all(
      [1, 2, 3].map(() =>
        psqlError(`postgres://postgres@127.0.0.1:${env['EMBEDDED_DB_PORT']}/postgres`),
      ),
    );
    for (const stderr of refusals) {
      expect(stderr).toMatch(/FATAL: {2}this embedded TimescaleDB serves only .*DATABASE_URL/);
    }
    expect(await healthStatus(health)).toBe(200);

    const killed = findEmbeddedChildPid(dataDir)!;
    process.kill(killed, 'SIGKILL');
    const deadline = Date.now() + 60_000;
    while (!app.output().includes(`(pid ${killed}) died with signal SIGKILL`)) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await waitForOk(health, app, 60_000);
    expect(findEmbeddedChildPid(dataDir)).not.toBe(killed);

    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    expect(findEmbeddedChildPid(dataDir)).toBeUndefined();
  });
});
