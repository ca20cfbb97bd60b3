import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';

import { assertDataDirFree, lockDataDir } from './data-dir-lock';
import {
  DataDirInUseError,
  describeExit,
  EmbeddedTimescaleError,
  formatStderr,
  spawnTimescaleChild,
  TimescaleChild,
} from './embedded-timescale.process';
import { RestartBudget } from './restart-budget';

export { DataDirInUseError, EmbeddedTimescaleError };

export type EmbeddedTimescaleLogger = Pick<Logger, 'log' | 'error'>;

export interface EmbeddedTimescaleOptions {
  /** Where PGlite keeps its files; created when missing, reused when it holds a database. */
  dataDir: string;
  /** Loopback port for the Postgres wire protocol; 0 picks a free port (kept across restarts). */
  port: number;
  /** How long a start may take before the child is killed (default 60 s). */
  startTimeoutMs?: number;
  /** How long stop() waits for a clean close before it kills the child (default 4 s). */
  stopTimeoutMs?: number;
  /** Progress and failures; default a Nest Logger with the context `EmbeddedTimescale`. */
  logger?: EmbeddedTimescaleLogger;
  /**
   * Called once when the child keeps dying (3 failures within a minute) and is no longer
   * restarted; the owner should then exit so its supervisor restarts everything.
   */
  onGiveUp?: (error: EmbeddedTimescaleError) => void;
}

export interface EmbeddedTimescale {
  /** postgres://<access key>@127.0.0.1:<port>/postgres; the only URL the server accepts. */
  readonly url: string;
  readonly port: number;
  /** Pid of the current child process (a new one after a restart). */
  readonly pid: number;
  /** Closes the server and PGlite (data flushed) and waits for the child; never hangs. */
  stop(): Promise<void>;
}

const DEFAULT_START_TIMEOUT_MS = 60_000;
const DEFAULT_STOP_TIMEOUT_MS = 4_000;
const RESTART_LIMIT = 3;
const RESTART_WINDOW_MS = 60_000;

/**
 * Starts PGlite with TimescaleDB in a child process and serves it on 127.0.0.1 over the Postgres
 * wire protocol to one client, the holder of `url` (its user name is a per-start access key).
 * When the child dies it is logged and restarted on the same data directory and port.
 */
export async function startEmbeddedTimescale(
  options: EmbeddedTimescaleOptions,
): Promise<EmbeddedTimescale> {
  const dataDir = resolve(options.dataDir);
  const logger = options.logger ?? new Logger('EmbeddedTimescale');
  mkdirSync(dataDir, { recursive: true });
  assertDataDirFree(dataDir);
  logger.log(`starting embedded TimescaleDB in ${options.dataDir}`);
  const supervisor = new Supervisor(
    dataDir,
    `nexwave_${randomBytes(16).toString('hex')}`,
    options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS,
    options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS,
    logger,
    options.onGiveUp,
  );
  const startedAt = Date.now();
  const child = await supervisor.start(options.port);
  logger.log(`embedded TimescaleDB ready on 127.0.0.1:${child.port} in ${seconds(startedAt)}`);
  return {
    url: `postgres://${supervisor.accessKey}@127.0.0.1:${child.port}/postgres`,
    port: child.port,
    get pid() {
      return supervisor.pid;
    },
    stop: () => supervisor.stop(),
  };
}

class Supervisor {
  private child?: TimescaleChild;
  private releaseDataDir?: () => void;
  private alive = false;
  /** The process of a start in progress, killed if stop() comes first. */
  private forked?: ChildProcess;
  private restarting?: Promise<void>;
  private stopped?: Promise<void>;
  private readonly budget = new RestartBudget(RESTART_LIMIT, RESTART_WINDOW_MS);

  constructor(
    private readonly dataDir: string,
    readonly accessKey: string,
    private readonly startTimeoutMs: number,
    private readonly stopTimeoutMs: number,
    private readonly logger: EmbeddedTimescaleLogger,
    private readonly onGiveUp?: (error: EmbeddedTimescaleError) => void,
  ) {}

  get pid(): number {
    return this.child?.pid ?? 0;
  }

  async start(port: number): Promise<TimescaleChild> {
    const child = await spawnTimescaleChild({
      dataDir: this.dataDir,
      port,
      accessKey: this.accessKey,
      timeoutMs: this.startTimeoutMs,
      onFork: (forked) => (this.forked = forked),
    });
    this.forked = undefined;
    this.releaseDataDir ??= lockDataDir(this.dataDir);
    this.watch(child);
    return child;
  }

  stop(): Promise<void> {
    return (this.stopped ??= (async () => {
      // A restart in progress serves nobody yet: end it now rather than wait up to a start timeout.
      this.forked?.kill('SIGKILL');
      await this.restarting;
      try {
        if (this.alive) {
          await this.child?.stop(this.stopTimeoutMs);
        }
      } finally {
        this.releaseDataDir?.();
      }
    })());
  }

  private watch(child: TimescaleChild): void {
    this.child = child;
    this.alive = true;
    void child.exited.then((exit) => {
      this.alive = false;
      if (this.stopped === undefined) {
        this.logger.error(
          `embedded TimescaleDB (pid ${child.pid}) died with ${describeExit(exit)}${formatStderr(child.stderr())}`,
        );
        this.restarting = this.restart(child.port);
      }
    });
  }

  private async restart(port: number): Promise<void> {
    while (this.stopped === undefined) {
      if (!this.budget.recordFailure(Date.now())) {
        const error = new EmbeddedTimescaleError(
          `embedded TimescaleDB failed ${RESTART_LIMIT} times within ${RESTART_WINDOW_MS / 1000} s; giving up`,
        );
        this.logger.error(error.message);
        this.onGiveUp?.(error);
        return;
      }
      const startedAt = Date.now();
      this.logger.log(`restarting embedded TimescaleDB on 127.0.0.1:${port}`);
      try {
        const child = await this.start(port);
        if (this.stopped !== undefined) {
          await child.stop(this.stopTimeoutMs);
          return;
        }
        this.logger.log(`embedded TimescaleDB restarted in ${seconds(startedAt)}`);
        return;
      } catch (error) {
        if (this.stopped === undefined) {
          this.logger.error(
            `embedded TimescaleDB could not be restarted: ${(error as Error).message}`,
          );
        }
      }
    }
  }
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
