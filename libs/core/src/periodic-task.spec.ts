import { PeriodicTask, type PeriodicTaskOptions, type TaskLogger } from './periodic-task';

class RecordingLogger implements TaskLogger {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];

  error(message: string): void {
    this.errors.push(message);
  }

  warn(message: string): void {
    this.warnings.push(message);
  }
}

/** A run the test finishes by hand. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

function task<T>(
  run: () => Promise<T>,
  options: Partial<PeriodicTaskOptions<T>> = {},
): { task: PeriodicTask<T>; logger: RecordingLogger } {
  const logger = new RecordingLogger();
  return {
    task: new PeriodicTask({ name: 'test task', intervalMs: 100, run, logger, ...options }),
    logger,
  };
}

describe('PeriodicTask.runOnce', () => {
  it('resolves with the result of the run and rejects with its error', async () => {
    await expect(task(() => Promise.resolve(42)).task.runOnce()).resolves.toBe(42);
    await expect(task(() => Promise.reject(new Error('boom'))).task.runOnce()).rejects.toThrow(
      'boom',
    );
  });

  it('never overlaps runs: the second starts once the first has finished', async () => {
    const first = gate();
    const events: string[] = [];
    let calls = 0;
    const { task: periodic } = task(async () => {
      const call = ++calls;
      events.push(`start ${call}`);
      if (call === 1) {
        await first.promise;
      }
      events.push(`end ${call}`);
    });

    const one = periodic.runOnce();
    const two = periodic.runOnce();
    await Promise.resolve();
    expect(events).toEqual(['start 1']);
    first.open();
    await Promise.all([one, two]);
    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('runs again after a failed run', async () => {
    let calls = 0;
    const { task: periodic } = task(() =>
      ++calls === 1 ? Promise.reject(new Error('boom')) : Promise.resolve(calls),
    );
    await expect(periodic.runOnce()).rejects.toThrow('boom');
    await expect(periodic.runOnce()).resolves.toBe(2);
  });
});

describe('PeriodicTask timer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs every interval from start until stop, the first after firstDelayMs', async () => {
    let runs = 0;
    const { task: periodic } = task(() => Promise.resolve(++runs), { firstDelayMs: 0 });
    periodic.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(runs).toBe(1);
    await jest.advanceTimersByTimeAsync(99);
    expect(runs).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(runs).toBe(2);

    await periodic.stop();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(2);
  });

  it('waits a whole interval before the first run by default', async () => {
    let runs = 0;
    const { task: periodic } = task(() => Promise.resolve(++runs));
    periodic.start();
    await jest.advanceTimersByTimeAsync(99);
    expect(runs).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(runs).toBe(1);
    await periodic.stop();
  });

  it('logs a failed run and still runs the next one', async () => {
    let runs = 0;
    const { task: periodic, logger } = task(() =>
      ++runs === 1 ? Promise.reject(new Error('database down')) : Promise.resolve(runs),
    );
    periodic.start();
    await jest.advanceTimersByTimeAsync(200);
    expect(runs).toBe(2);
    expect(logger.errors).toEqual(['test task failed: Error: database down']);
    await periodic.stop();
  });

  it('pauses after a run for as long as pauseAfter says', async () => {
    const backlog = [true, true, false];
    let runs = 0;
    const { task: periodic } = task(() => Promise.resolve(backlog[runs++] ?? false), {
      firstDelayMs: 0,
      pauseAfter: (more) => (more ? 0 : 100),
    });
    periodic.start();
    // Timers round a 0 ms delay up to 1 ms: the backlog takes the first few ms.
    await jest.advanceTimersByTimeAsync(10);
    expect(runs).toBe(3);
    await jest.advanceTimersByTimeAsync(80);
    expect(runs).toBe(3);
    await jest.advanceTimersByTimeAsync(20);
    expect(runs).toBe(4);
    await periodic.stop();
  });

  it('stop waits for the run in progress', async () => {
    const running = gate();
    let finished = false;
    const { task: periodic } = task(async () => {
      await running.promise;
      finished = true;
    });
    periodic.start();
    await jest.advanceTimersByTimeAsync(100);
    let stopped = false;
    const stopping = periodic.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(1_000);
    expect(stopped).toBe(false);
    running.open();
    await stopping;
    expect(finished).toBe(true);
  });

  it('stop gives up on a hung run after stopTimeoutMs and says so', async () => {
    const { task: periodic, logger } = task(() => new Promise<never>(() => undefined), {
      stopTimeoutMs: 500,
    });
    periodic.start();
    await jest.advanceTimersByTimeAsync(100);
    const stopping = periodic.stop();
    await jest.advanceTimersByTimeAsync(500);
    await stopping;
    expect(logger.warnings).toEqual(['test task still running after 500 ms, stopped without it']);
  });

  it('a run left over from before a restart does not start a second loop', async () => {
    const running = gate();
    let runs = 0;
    const { task: periodic } = task(async () => {
      if (++runs === 1) {
        await running.promise;
      }
    });
    periodic.start();
    await jest.advanceTimersByTimeAsync(100);
    const stopping = periodic.stop();
    periodic.start();
    running.open();
    await stopping;
    await jest.advanceTimersByTimeAsync(100);
    expect(runs).toBe(2);
    await jest.advanceTimersByTimeAsync(100);
    expect(runs).toBe(3);
    await periodic.stop();
  });

  it('wake brings the next run forward to now, then the interval goes on from it', async () => {
    let runs = 0;
    const { task: periodic } = task(() => Promise.resolve(++runs));
    periodic.start();
    await jest.advanceTimersByTimeAsync(10);
    periodic.wake();
    await jest.advanceTimersByTimeAsync(1);
    expect(runs).toBe(1);
    await jest.advanceTimersByTimeAsync(98);
    expect(runs).toBe(1);
    await jest.advanceTimersByTimeAsync(2);
    expect(runs).toBe(2);
    await periodic.stop();
  });

  it('wakes during a run add one run right after it, however many', async () => {
    const running = gate();
    let runs = 0;
    const { task: periodic } = task(async () => {
      if (++runs === 1) {
        await running.promise;
      }
    });
    periodic.start();
    await jest.advanceTimersByTimeAsync(100);
    periodic.wake();
    periodic.wake();
    periodic.wake();
    running.open();
    await jest.advanceTimersByTimeAsync(1);
    expect(runs).toBe(2);
    await jest.advanceTimersByTimeAsync(98);
    expect(runs).toBe(2);
    await jest.advanceTimersByTimeAsync(2);
    expect(runs).toBe(3);
    await periodic.stop();
  });

  it('wake does nothing before start and after stop', async () => {
    let runs = 0;
    const { task: periodic } = task(() => Promise.resolve(++runs));
    periodic.wake();
    await jest.advanceTimersByTimeAsync(50);
    expect(runs).toBe(0);
    periodic.start();
    await periodic.stop();
    periodic.wake();
    await jest.advanceTimersByTimeAsync(500);
    expect(runs).toBe(0);
  });
});
