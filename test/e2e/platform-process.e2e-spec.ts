import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from '@nexwave/core/testing';

import { ROOT, startApp, waitForOk, type AppProcess } from '../support/app-process';

// How the all-in-one process starts, listens, logs and stops (issue 9, findings 6 and 8).
describe('all-in-one app: listening, logs, start-up failures and shutdown', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nexwave-platform-'));
  const apps: AppProcess[] = [];
  const servers: Server[] = [];

  afterEach(async () => {
    for (const app of apps.splice(0)) {
      if (app.child.exitCode === null && app.child.signalCode === null) {
        // `script` runs the app as its own child, in a session of its own: kill that one too.
        spawnSync('pkill', ['-KILL', '-P', String(app.child.pid)]);
        app.child.kill('SIGKILL');
        await app.exited;
      }
    }
    await Promise.all(servers.splice(0).map((server) => closeServer(server)));
  });

  afterAll(() => {
    embeddedChildren().forEach(killIfAlive);
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function baseEnv(): Promise<Record<string, string>> {
    return {
      PORT: String(await freePort()),
      EMBEDDED_DB_DIR: dataDir,
      PACIFICA_SIM_PORT: String(await freePort()),
      // A seeded admin key: the first-start notice (plain text for a human) is not what these tests read.
      ADMIN_API_KEY: `nxk_0123456789abcdef_${'A'.repeat(43)}`,
    };
  }

  function start(env: Record<string, string>): AppProcess {
    const app = startApp('nexwave', env);
    apps.push(app);
    return app;
  }

  async function boot(env: Record<string, string>): Promise<AppProcess> {
    const app = start(env);
    await waitForOk(`http://127.0.0.1:${env['PORT']}/health`, app, 120_000);
    await waitFor(() => app.output().includes('listening on'), app, 10_000);
    return app;
  }

  /** Pids of embedded database children serving this file's data directory. */
  function embeddedChildren(): number[] {
    return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes('embedded-timescale.child.cjs') && line.includes(dataDir))
      .map((line) => Number(line.trim().split(/\s+/)[0]));
  }

  async function answers(url: string): Promise<boolean> {
    try {
      await fetch(url, { signal: AbortSignal.timeout(5_000) });
      return true;
    } catch {
      return false;
    }
  }

  it('listens on 127.0.0.1 by default and says so, in JSON lines, with no wiring or request lines at info', async () => {
    const env = await baseEnv();
    const app = await boot(env);
    // 127.0.0.2 is loopback too, but not the address the app bound.
    expect(await answers(`http://127.0.0.2:${env['PORT']}/health`)).toBe(false);
    const symbols = await fetch(`http://127.0.0.1:${env['PORT']}/api/v1/symbols`);
    expect(symbols.status).toBe(200);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);

    const lines = app.output().trim().split('\n');
    const entries = lines.map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(entries[0]?.msg).toBe(
      'nexwave starting (embedded mode, in-memory messages, simulator, paper trading)',
    );
    expect(entries.map((entry) => entry.msg)).toContain(
      `nexwave listening on http://127.0.0.1:${env['PORT']} (docs at /docs)`,
    );
    expect(entries.every((entry) => entry.level >= 30)).toBe(true);
    expect(app.output()).not.toMatch(/InstanceLoader|RouterExplorer|request completed|\/api\/v1/);
  });

  it('listens on every interface with HOST=0.0.0.0 and says so; LOG_FORMAT=pretty; requests at debug', async () => {
    const env: Record<string, string> = {
      ...(await baseEnv()),
      HOST: '0.0.0.0',
      LOG_FORMAT: 'pretty',
      LOG_LEVEL: 'debug',
    };
    const app = await boot(env);
    expect(await answers(`http://127.0.0.2:${env['PORT']}/health`)).toBe(true);
    await fetch(`http://127.0.0.1:${env['PORT']}/api/v1/symbols`, {
      headers: { 'x-probe': 'header-value' },
    });
    // Not the first request logged: the strategy's warm-up reads this server's candles too.
    const probed = (line: string) =>
      line.includes('request completed') && line.includes('"url":"/api/v1/symbols"');
    await waitFor(() => app.output().split('\n').some(probed), app, 10_000);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);

    const output = app.output();
    expect(output).toMatch(
      /^\[[\d:.]+\] INFO: nexwave starting \(embedded mode, in-memory messages, simulator, paper trading\)\n/,
    );
    expect(output).toContain(
      `INFO: nexwave listening on http://0.0.0.0:${env['PORT']} on every interface (docs at /docs)`,
    );
    expect(output).toMatch(/DEBUG: \[InstanceLoader\] \w+ dependencies initialized/);
    const request = output.split('\n').find(probed);
    expect(request).toMatch(/DEBUG: request completed.*"method":"GET".*"url":"\/api\/v1\/symbols"/);
    expect(request).toContain('"statusCode":200');
    expect(output).not.toContain('header-value');
    expect(output.split('\n').filter((line) => line.startsWith('{'))).toEqual([]);
  });

  it.each(['PORT', 'PACIFICA_SIM_PORT', 'EMBEDDED_DB_PORT'])(
    'refuses a %s already in use with one line and exit code 1, before the database starts',
    async (variable) => {
      const env: Record<string, string> = {
        ...(await baseEnv()),
        EMBEDDED_DB_PORT: String(await freePort()),
      };
      const taken = await listenOn(Number(env[variable]));
      const app = start(env);
      expect(await app.exited).toBe(1);
      expect(app.output()).toBe(
        `nexwave: cannot listen on 127.0.0.1:${env[variable]}: the port is already in use (set ${variable})\n`,
      );
      expect(embeddedChildren()).toEqual([]);
      await closeServer(taken);
    },
  );

  it('logs as it starts, while the database is still out of reach, and stops there on SIGTERM', async () => {
    // A database that accepts connections and never answers: start-up cannot get past it.
    const blackHole = await listenOn(0);
    servers.push(blackHole);
    const { port } = blackHole.address() as { port: number };
    const app = start({
      ...(await baseEnv()),
      DATABASE_URL: `postgres://nexwave:pw@127.0.0.1:${port}/nexwave`,
      LOG_LEVEL: 'debug',
    });
    await waitFor(
      () => connections(blackHole) > 0 && /InstanceLoader/.test(app.output()),
      app,
      60_000,
    );
    const messages = app
      .output()
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages[0]).toBe(
      'nexwave starting (database at DATABASE_URL, in-memory messages, simulator, paper trading)',
    );
    expect(messages).toContain('Starting Nest application...');
    expect(app.output()).not.toContain('listening on');

    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain('SIGTERM during start-up: exiting');
  });

  it('logs pretty, coloured lines on a terminal and JSON lines into a pipe (LOG_FORMAT=auto)', async () => {
    const blackHole = await listenOn(0);
    servers.push(blackHole);
    const { port } = blackHole.address() as { port: number };
    const databaseUrl = `postgres://nexwave:pw@127.0.0.1:${port}/nexwave`;
    const env = async () => ({ ...(await baseEnv()), DATABASE_URL: databaseUrl });
    const main = join(ROOT, 'dist', 'apps', 'nexwave', 'src', 'main.js');
    // `script` runs the app on a pseudo-terminal, as `npm start` in a shell does.
    const terminal = spawnApp(
      'script',
      ['-qfec', `${process.execPath} ${main}`, '/dev/null'],
      await env(),
    );
    const piped = start(await env());
    apps.push(terminal);
    await waitFor(() => terminal.output().includes('nexwave starting'), terminal, 60_000);
    await waitFor(() => piped.output().includes('nexwave starting'), piped, 60_000);
    expect(terminal.output()).toMatch(/^\[[\d:.]+\] \S+INFO\S+: .*nexwave starting/);
    expect(terminal.output()).toContain('\u001b[32mINFO\u001b[39m');
    expect(JSON.parse(piped.output().split('\n')[0] ?? '')).toMatchObject({ level: 30 });
  });

  it('exits within the deadline on SIGTERM when the embedded database hangs', async () => {
    const app = await boot(await baseEnv());
    const [database] = embeddedChildren();
    expect(database).toBeDefined();
    process.kill(database, 'SIGSTOP');
    app.child.kill('SIGTERM');
    const deadline = new Promise<'still running'>((resolve) =>
      setTimeout(() => resolve('still running'), 30_000).unref(),
    );
    const code = await Promise.race([app.exited, deadline]);
    // The app's bounded stop may have killed the frozen child already.
    killIfAlive(database);
    expect(code).not.toBe('still running');
    // 0 if the database stop gave up by itself within the grace period, else the forced exit.
    const forced = /shutdown did not finish within 10 s; still stopping: \S+/.test(app.output());
    expect([code, forced]).toEqual(forced ? [1, true] : [0, false]);
  });
});

function killIfAlive(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') {
      throw error;
    }
  }
}

/** Polls until the condition holds, failing early if the app exits. */
async function waitFor(
  condition: () => boolean,
  app: AppProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (app.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`condition not met (exit code ${app.child.exitCode}):\n${app.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const accepted = new WeakMap<Server, Set<Socket>>();

/** A server that accepts connections and never answers (a port taken, a database that hangs). */
async function listenOn(port: number): Promise<Server> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  accepted.set(server, sockets);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

function connections(server: Server): number {
  return accepted.get(server)?.size ?? 0;
}

/** Closes the server and the connections it holds (close alone waits for them to end). */
function closeServer(server: Server): Promise<void> {
  accepted.get(server)?.forEach((socket) => socket.destroy());
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A process with its output collected, like startApp, for a command other than an app's main. */
function spawnApp(command: string, args: string[], env: Record<string, string>): AppProcess {
  const child = spawn(command, args, {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, output: () => output, exited };
}
