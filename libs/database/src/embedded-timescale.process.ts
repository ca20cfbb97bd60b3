import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

import { collectStderrTail } from './stderr-tail';

export class EmbeddedTimescaleError extends Error {
  override readonly name: string = 'EmbeddedTimescaleError';
}

/** Another live process (a running Nexwave app?) serves the data directory. */
export class DataDirInUseError extends EmbeddedTimescaleError {
  override readonly name = 'DataDirInUseError';

  constructor(
    readonly dataDir: string,
    readonly holder: number,
    remedy = 'stop it first',
  ) {
    super(
      `the data directory ${dataDir} is in use by process ${holder} (a running Nexwave app?); ${remedy}`,
    );
  }
}

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One running child process serving the embedded TimescaleDB. */
export interface TimescaleChild {
  readonly pid: number;
  readonly port: number;
  /** Settles when the process has exited, for whatever reason. */
  readonly exited: Promise<ChildExit>;
  /** The last lines the child wrote to stderr. */
  stderr(): string;
  /** Asks the child to close PGlite cleanly; SIGKILLs it after timeoutMs. */
  stop(timeoutMs: number): Promise<void>;
}

type ChildMessage = { type: 'ready'; port: number } | { type: 'error'; message: string };

const CHILD_SCRIPT = join(__dirname, 'embedded-timescale.child.cjs');

/** Forks the child on dataDir and port and resolves once it serves; kills it if not within timeoutMs. */
export async function spawnTimescaleChild(options: {
  dataDir: string;
  port: number;
  accessKey: string;
  timeoutMs: number;
  /** Receives the process as soon as it is forked, before it is ready. */
  onFork?: (child: ChildProcess) => void;
}): Promise<TimescaleChild> {
  const child = fork(CHILD_SCRIPT, [options.dataDir, String(options.port)], {
    execArgv: [],
    // Own process group: a terminal's Ctrl+C reaches only the parent, whose shutdown closes the
    // DataSource first and then stops this child.
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  options.onFork?.(child);
  // Over IPC, not argv or env: other local users can read a process's command line.
  child.send({ type: 'start', accessKey: options.accessKey });
  const stderr = collectStderrTail(child);
  const exited = new Promise<ChildExit>((resolveExit) =>
    child.once('exit', (code, signal) => resolveExit({ code, signal })),
  );

  let port: number;
  try {
    port = await waitUntilReady(child, exited, stderr, options.timeoutMs);
  } catch (error) {
    // After reporting an error the child closes PGlite and exits by itself; kill it only if it hangs.
    await exitWithin(child, exited, options.timeoutMs);
    throw error;
  }

  let stopped: Promise<void> | undefined;
  return {
    pid: child.pid!,
    port,
    exited,
    stderr,
    stop: (timeoutMs) => (stopped ??= stopChild(child, exited, stderr, timeoutMs)),
  };
}

export function describeExit({ code, signal }: ChildExit): string {
  return signal === null ? `exit code ${code}` : `signal ${signal}`;
}

export function formatStderr(text: string): string {
  return text === '' ? '' : `: ${text}`;
}

function waitUntilReady(
  child: ChildProcess,
  exited: Promise<ChildExit>,
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
    void exited.then((exit) =>
      settle(() =>
        reject(
          new EmbeddedTimescaleError(
            `embedded TimescaleDB exited (${describeExit(exit)}) before it was ready${formatStderr(stderr())}`,
          ),
        ),
      ),
    );
  });
}

async function stopChild(
  child: ChildProcess,
  exited: Promise<ChildExit>,
  stderr: () => string,
  timeoutMs: number,
): Promise<void> {
  if (child.exitCode === null && child.signalCode === null && child.connected) {
    child.send({ type: 'stop' });
  }
  const result = await exitWithin(child, exited, timeoutMs);
  if (result === 'killed') {
    throw new EmbeddedTimescaleError(
      `embedded TimescaleDB did not stop within ${timeoutMs} ms and was killed`,
    );
  }
  if (result.code !== 0) {
    throw new EmbeddedTimescaleError(
      `embedded TimescaleDB stopped with ${describeExit(result)}${formatStderr(stderr())}`,
    );
  }
}

/** Waits for the child to exit, SIGKILLing it after timeoutMs (a stopped process dies too). */
async function exitWithin(
  child: ChildProcess,
  exited: Promise<ChildExit>,
  timeoutMs: number,
): Promise<ChildExit | 'killed'> {
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
