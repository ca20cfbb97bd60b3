import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from '@nexwave/core/testing';

import { startApp, waitForOk, type AppProcess } from './app-process';

export interface AllInOne {
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
  /** Stops the app if it still runs (SIGTERM, SIGKILL after 30 s) and removes its data directory. */
  stop(): Promise<void>;
}

/**
 * The all-in-one app as a process on private ports and a private data directory (a fresh one
 * unless `env` names EMBEDDED_DB_DIR; removed by stop() either way), with `env` on top (it must
 * hold ADMIN_API_KEY for send()). Resolves once /health answers; a failed start stops the app and
 * removes its data directory before it throws.
 */
export async function startAllInOne(
  env: Record<string, string> & { ADMIN_API_KEY: string },
  healthTimeoutMs = 120_000,
): Promise<AllInOne> {
  const dataDir = env['EMBEDDED_DB_DIR'] ?? mkdtempSync(join(tmpdir(), 'nexwave-all-in-one-'));
  const port = await freePort();
  const simPort = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = startApp('nexwave', {
    PORT: String(port),
    EMBEDDED_DB_DIR: dataDir,
    EMBEDDED_DB_PORT: String(await freePort()),
    PACIFICA_SIM_PORT: String(simPort),
    ...env,
  });
  const stop = async () => {
    if (app.child.exitCode === null && app.child.signalCode === null) {
      app.child.kill('SIGTERM');
      const killer = setTimeout(() => app.child.kill('SIGKILL'), 30_000);
      await app.exited;
      clearTimeout(killer);
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
        authorization: `Bearer ${env.ADMIN_API_KEY}`,
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
