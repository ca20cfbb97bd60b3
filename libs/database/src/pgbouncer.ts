import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { collectStderrTail } from './stderr-tail';

export class PgBouncerError extends Error {
  override readonly name = 'PgBouncerError';
}

export interface PgBouncerOptions {
  /** The one server PgBouncer forwards to, with the user and database its one connection uses. */
  server: { port: number; user: string; database: string };
  /** Loopback port clients connect to; 0 picks a free one. */
  port: number;
  /** How long the start may take (default 10 s). */
  startTimeoutMs?: number;
}

export interface PgBouncer {
  /** postgres://nexwave:<per-start password>@127.0.0.1:<port>/nexwave */
  readonly url: string;
  readonly port: number;
  /** Exits at once (open client connections are dropped); never hangs. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const CLIENT_USER = 'nexwave';
const CLIENT_DATABASE = 'nexwave';
const STOP_TIMEOUT_MS = 4_000;
const SEARCH_DIRS = ['/usr/sbin', '/usr/local/sbin', '/usr/local/bin', '/usr/bin'];
/** What sh reports for a command it cannot find. */
const NOT_FOUND = 127;

/**
 * `sh -c WATCHED pgbouncer args...`: a watcher reads the owner's end of the stdin pipe, then the
 * shell becomes PgBouncer (same pid). When the pipe closes (stop(), or the owner dies in any way,
 * even by SIGKILL or a test runner's SIGTERM, when no exit handler runs) the watcher sends
 * PgBouncer SIGTERM: immediate shutdown.
 */
const WATCHED =
  'exec 3<&0; (read _ <&3; kill -TERM $$ 2>/dev/null) & exec "$0" "$@" 0</dev/null 3<&-';

/**
 * Starts PgBouncer in transaction mode with exactly one server connection: whole transactions of
 * any number of clients are serialised onto the server's single session (PGlite), so no client
 * ever sees another's transaction or half of its extended-protocol exchange. Clients must not
 * rely on session state (session SET, session advisory locks, LISTEN, named prepared statements).
 */
export async function startPgBouncer(options: PgBouncerOptions): Promise<PgBouncer> {
  const bin = findPgBouncer();
  const port = options.port === 0 ? await freeLoopbackPort() : options.port;
  const password = randomBytes(24).toString('hex');
  // Private (0700) directory: the files hold the client password and the server's access key.
  const dir = await mkdtemp(join(tmpdir(), 'nexwave-pgbouncer-'));
  const config = join(dir, 'pgbouncer.ini');
  await writeFile(join(dir, 'users.txt'), `"${CLIENT_USER}" "${password}"\n`, { mode: 0o600 });
  await writeFile(config, configFile(dir, port, options.server), { mode: 0o600 });
  // PgBouncer refuses to run as root; it reads its files first, then drops to `nobody`.
  const args = process.getuid?.() === 0 ? ['-u', 'nobody', config] : [config];
  // Own process group: a terminal's Ctrl+C reaches only the owner, which stops PgBouncer after its
  // clients (the apps) are done with the database. It goes with its owner however the owner ends
  // (see WATCHED), and on the owner's normal exit at once.
  const child = spawn('/bin/sh', ['-c', WATCHED, bin, ...args], {
    stdio: ['pipe', 'ignore', 'pipe'],
    detached: true,
  });
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stderr = collectStderrTail(child);
  const exited = new Promise<void>((resolveExit) =>
    child.once('exit', () => {
      // The watcher ends with PgBouncer rather than wait for the owner.
      child.stdin?.destroy();
      resolveExit();
    }),
  );
  try {
    await waitUntilUp(child, stderr, options.startTimeoutMs ?? 10_000);
  } catch (error) {
    process.off('exit', killOnExit);
    child.stdin?.destroy();
    // Without a pid sh never ran, and never emits exit.
    if (child.pid !== undefined) {
      child.kill('SIGKILL');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  let stopped: Promise<void> | undefined;
  return {
    url: `postgres://${CLIENT_USER}:${password}@${HOST}:${port}/${CLIENT_DATABASE}`,
    port,
    stop: () =>
      (stopped ??= (async () => {
        process.off('exit', killOnExit);
        child.stdin?.end();
        await killWithin(child, exited);
        await rm(dir, { recursive: true, force: true });
      })()),
  };
}

function configFile(dir: string, port: number, server: PgBouncerOptions['server']): string {
  return [
    '[databases]',
    // PGlite accepts any password; PgBouncer needs one to answer the server's request.
    `${CLIENT_DATABASE} = host=${HOST} port=${server.port} dbname=${server.database} user=${server.user} password=any`,
    '[pgbouncer]',
    `listen_addr = ${HOST}`,
    `listen_port = ${port}`,
    'unix_socket_dir =',
    'auth_type = scram-sha-256',
    `auth_file = ${join(dir, 'users.txt')}`,
    'pool_mode = transaction',
    'default_pool_size = 1',
    'max_db_connections = 1',
    'min_pool_size = 0',
    'reserve_pool_size = 0',
    'max_client_conn = 500',
    // Nothing to reset between transactions: no client leaves session state behind.
    'server_reset_query =',
    'server_login_retry = 1',
    'ignore_startup_parameters = extra_float_digits',
    'log_connections = 0',
    'log_disconnections = 0',
    '',
  ].join('\n');
}

/** Debian's place first (/usr/sbin is not on every user's PATH), else whatever PATH finds. */
function findPgBouncer(): string {
  return SEARCH_DIRS.map((dir) => join(dir, 'pgbouncer')).find(existsSync) ?? 'pgbouncer';
}

/** Resolves once PgBouncer logs that it is up (it listens before that line). */
function waitUntilUp(child: ChildProcess, stderr: () => string, timeoutMs: number): Promise<void> {
  return new Promise((resolveUp, reject) => {
    const timer = setTimeout(
      () => settle(new PgBouncerError(`PgBouncer did not start within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onData = (): void => {
      if (stderr().includes('process up')) {
        settle();
      }
    };
    const onExit = (code: number | null): void =>
      settle(
        new PgBouncerError(
          code === NOT_FOUND
            ? 'PgBouncer not found: apt-get install -y pgbouncer'
            : `PgBouncer exited (code ${code}): ${stderr()}`,
        ),
      );
    const onError = (error: Error): void =>
      settle(new PgBouncerError(`PgBouncer could not be started: ${error.message}`));
    const settle = (error?: Error): void => {
      clearTimeout(timer);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
      if (error) {
        reject(error);
      } else {
        resolveUp();
      }
    };
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

async function killWithin(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  // SIGTERM: immediate shutdown (SIGINT would wait for every client to leave).
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolveTimeout) => {
    timer = setTimeout(() => resolveTimeout('timeout'), STOP_TIMEOUT_MS);
  });
  if ((await Promise.race([exited, timedOut])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
  clearTimeout(timer);
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolvePort(address.port)
          : reject(new PgBouncerError('no free port')),
      );
    });
  });
}
