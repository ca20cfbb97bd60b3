import { ChildProcess, fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface EmbeddedTimescaleOptions {
  /** Where PGlite keeps its files; created when missing, reused when it holds a database. */
  dataDir: string;
  /** Loopback port for the Postgres wire protocol; 0 picks a free port. */
  port: number;
  /** How long start() and stop() may take before the child is killed (default 60 s). */
  timeoutMs?: number;
}

export interface EmbeddedTimescale {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  readonly url: string;
  readonly port: number;
  /** Closes the socket server and PGlite (data flushed) and waits for the child to exit. */
  stop(): Promise<void>;
}

export class EmbeddedTimescaleError extends Error {
  override readonly name = 'EmbeddedTimescaleError';
}

type ChildMessage = { type: 'ready'; port: number } | { type: 'error'; message: string };

const CHILD_SCRIPT = join(__dirname, 'embedded-timescale.child.cjs');
const DEFAULT_TIMEOUT_MS = 60_000;
const STDERR_TAIL_CHARS = 2_000;

/**
 * Starts PGlite with TimescaleDB in a child process and serves it on 127.0.0.1 over the Postgres
 * wire protocol, so TypeORM and `pg` talk to it like to any server. PGlite is one session: give
 * clients a pool of one connection.
 */
export async function startEmbeddedTimescale(
  options: EmbeddedTimescaleOptions,
): Promise<EmbeddedTimescale> {
  const dataDir = resolve(options.dataDir);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  mkdirSync(dataDir, { recursive: true });
  const child = fork(CHILD_SCRIPT, [dataDir, String(options.port)], {
    execArgv: [],
    // Own process group: a terminal's Ctrl+C reaches only the parent, whose shutdown closes the
    // DataSource first and then stops this child.
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const stderr = collectTail(child);
  const exited = new Promise<number | null>((resolveExit) =>
    child.once('exit', (code) => resolveExit(code)),
  );

  let port: number;
  try {
    port = await waitUntilReady(child, exited, stderr, timeoutMs);
  } catch (error) {
    // After reporting an error the child closes PGlite and exits by itself; kill it only if it hangs.
    await exitWithin(child, exited, timeoutMs);
    throw error;
  }

  let stopped: Promise<void> | undefined;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop: () => (stopped ??= stopChild(child, exited, stderr, timeoutMs)),
  };
}

function waitUntilReady(
  child: ChildProcess,
  exited: Promise<number | null>,
  stderr: () => string,
  timeoutMs: number,
): Promise<number> {
  return new Promise<number>((resolveReady, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new EmbeddedTimescaleError(`embedded TimescaleDB did not start within ${timeoutMs} ms`),
      );
    }, timeoutMs);
    const settle = (action: () => void): void => {
      clearTimeout(timer);
      child.off('message', onMessage);
      action();
    };
    const onMessage = (message: ChildMessage): void => {
      if (message.type === 'ready') {
        settle(() => resolveReady(message.port));
      } else {
        settle(() =>
          reject(
            new EmbeddedTimescaleError(`embedded TimescaleDB failed to start: ${message.message}`),
          ),
        );
      }
    };
    child.on('message', onMessage);
    child.once('error', (error) =>
      settle(() =>
        reject(
          new EmbeddedTimescaleError(`embedded TimescaleDB could not be started: ${error.message}`),
        ),
      ),
    );
    void exited.then((code) =>
      settle(() =>
        reject(
          new EmbeddedTimescaleError(
            `embedded TimescaleDB exited (code ${code}) before it was ready${formatStderr(stderr())}`,
          ),
        ),
      ),
    );
  });
}

async function stopChild(
  child: ChildProcess,
  exited: Promise<number | null>,
  stderr: () => string,
  timeoutMs: number,
): Promise<void> {
  if (child.exitCode === null && child.connected) {
    child.send({ type: 'stop' });
  }
  const result = await exitWithin(child, exited, timeoutMs);
  if (result === 'killed') {
    throw new EmbeddedTimescaleError(
      `embedded TimescaleDB did not stop within ${timeoutMs} ms and was killed`,
    );
  }
  if (result !== 0) {
    throw new EmbeddedTimescaleError(
      `embedded TimescaleDB stopped with exit code ${result}${formatStderr(stderr())}`,
    );
  }
}

/** Waits for the child to exit, SIGKILLing it after timeoutMs; returns its exit code or 'killed'. */
async function exitWithin(
  child: ChildProcess,
  exited: Promise<number | null>,
  timeoutMs: number,
): Promise<number | null | 'killed'> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolveTimeout) => {
    timer = setTimeout(() => resolveTimeout('timeout'), timeoutMs);
  });
  const result = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  if (result !== 'timeout') {
    return result;
  }
  child.kill('SIGKILL');
  await exited;
  return 'killed';
}

function collectTail(child: ChildProcess): () => string {
  let tail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-STDERR_TAIL_CHARS);
  });
  return () => tail.trim();
}

function formatStderr(text: string): string {
  return text === '' ? '' : `: ${text}`;
}
