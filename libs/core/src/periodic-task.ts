/** Where a periodic task reports; Nest's `Logger` fits. */
export interface TaskLogger {
  error(message: string): void;
  warn(message: string): void;
}

export interface PeriodicTaskOptions<T> {
  /** Names the task in log lines. */
  name: string;
  /** Pause between the end of one run and the start of the next. */
  intervalMs: number;
  run: () => Promise<T>;
  logger: TaskLogger;
  /** Wait before the first run after `start()`. Default `intervalMs`. */
  firstDelayMs?: number;
  /** Pause after a run that succeeded, from its result (0 while a backlog remains). Default `intervalMs`. */
  pauseAfter?: (result: T) => number;
  /** How long `stop()` waits for the run in progress. Default 10 s. */
  stopTimeoutMs?: number;
}

const DEFAULT_STOP_TIMEOUT_MS = 10_000;

/**
 * The one background loop: runs `run` every `intervalMs` (measured from the end of the previous
 * run) between `start()` and `stop()`. Runs never overlap, `runOnce()` included, which tests call
 * instead of waiting for the timer. A failed run is logged and the next one still comes.
 */
export class PeriodicTask<T = unknown> {
  private timer?: ReturnType<typeof setTimeout>;
  /** Settles once every run asked for so far has finished. */
  private idle: Promise<unknown> = Promise.resolve();
  private started = false;
  /** Bumped by every start(), so a run left over from before a stop() schedules nothing. */
  private generation = 0;
  /** A wake() came while a timed run was in progress: the next run follows it at once. */
  private woken = false;

  constructor(private readonly options: PeriodicTaskOptions<T>) {}

  start(): void {
    if (this.started) {
      return;
    }
    this.started = true;
    this.generation++;
    this.schedule(this.options.firstDelayMs ?? this.options.intervalMs, this.generation);
  }

  /** Runs now, or right after the run in progress; rejects with the run's error. */
  runOnce(): Promise<T> {
    const run = this.idle.then(() => this.options.run());
    this.idle = run.catch(() => undefined);
    return run;
  }

  /**
   * Brings the next timed run forward to now, or to right after the run in progress: for work
   * that is known to be waiting (the interval stays the fallback). Wakes while a run is
   * waiting to start or in progress add no run. Does nothing unless started.
   */
  wake(): void {
    if (!this.started) {
      return;
    }
    if (this.timer === undefined) {
      this.woken = true;
      return;
    }
    clearTimeout(this.timer);
    this.schedule(0, this.generation);
  }

  /**
   * No further runs; resolves once the run in progress has finished, or after `stopTimeoutMs`
   * (logged) so a hung run cannot hold up the shutdown.
   */
  async stop(): Promise<void> {
    this.started = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    const timeoutMs = this.options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const outcome = await Promise.race([
      this.idle.then(() => 'finished' as const),
      new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      this.options.logger.warn(
        `${this.options.name} still running after ${timeoutMs} ms, stopped without it`,
      );
    }
  }

  private schedule(delayMs: number, generation: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.woken = false;
      void this.runOnce()
        .then(
          (result) => this.options.pauseAfter?.(result) ?? this.options.intervalMs,
          (error: unknown) => {
            this.options.logger.error(`${this.options.name} failed: ${String(error)}`);
            return this.options.intervalMs;
          },
        )
        .then((pause) => {
          if (this.started && generation === this.generation) {
            this.schedule(this.woken ? 0 : pause, generation);
          }
        });
    }, delayMs);
  }
}
