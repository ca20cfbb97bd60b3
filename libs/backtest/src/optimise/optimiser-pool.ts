import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

import type { Candle } from '@nexwave/strategy';

import type { BacktestSummary } from '../domain/backtest-input';
import type { OptimiseBase, OptimiseTask } from './evaluate';

type WorkerReply =
  | { readonly index: number; readonly summary: BacktestSummary }
  | { readonly index: number; readonly error: string };

/** One less than the cores (the main thread draws progress), at least one. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}

const ROOT = `${__dirname}/../../../..`;

/**
 * From TypeScript sources (tests, the ts-node CLI) the worker compiles what it requires with swc
 * and the repo's .swcrc (which also maps the @nexwave/* aliases): ts-node takes ~5x longer to start.
 * Paths are absolute: an eval worker resolves `require` from the working directory.
 */
const tsWorker = (file: string) => `
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { transformSync } = require(${JSON.stringify(require.resolve('@swc/core'))});
const options = JSON.parse(readFileSync(${JSON.stringify(`${ROOT}/.swcrc`)}, 'utf8'));
options.jsc.baseUrl = require('node:path').resolve(${JSON.stringify(ROOT)});
Module._extensions['.ts'] = (module, filename) =>
  module._compile(transformSync(readFileSync(filename, 'utf8'), { ...options, filename, swcrc: false }).code, filename);
require(${JSON.stringify(file)});`;

/** Starts a worker on the compiled file (dist), or on the TypeScript source through swc. */
function startWorker(workerData: unknown): Worker {
  const file = `${__dirname}/optimise.worker${__filename.slice(__filename.lastIndexOf('.'))}`;
  if (!file.endsWith('.ts')) {
    return new Worker(file, { workerData });
  }
  // Held by the main thread so that the native addon is never unloaded: a worker loading it again
  // after the last one holding it ended crashes the process (SIGSEGV; nodejs/node#43534).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only from sources (a dev dependency)
  require('@swc/core');
  return new Worker(tsWorker(file), { eval: true, workerData });
}

/**
 * `size` worker threads, each given the base and the candles once (structured clone), then fed
 * tasks one at a time as it frees up. Results come back by task index, so what a run returns does
 * not depend on the number of workers or their timing. One run at a time. A task that throws
 * rejects the run once the tasks in flight are back (the pool stays usable); a worker that dies
 * rejects it and closes the pool. Always `close()` it (in a finally): live workers keep a process up.
 */
export class OptimiserPool {
  private readonly workers: Worker[];
  private failure: Error | undefined;

  constructor(
    base: OptimiseBase,
    candles: readonly Candle[],
    readonly size = defaultWorkers(),
  ) {
    this.workers = Array.from({ length: Math.max(1, size) }, () => startWorker({ base, candles }));
  }

  /** Runs every task; `onDone(done)` after each (progress). */
  run(tasks: readonly OptimiseTask[], onDone?: (done: number) => void): Promise<BacktestSummary[]> {
    if (this.failure) {
      return Promise.reject(this.failure);
    }
    const results: BacktestSummary[] = new Array<BacktestSummary>(tasks.length);
    const position = new Map(tasks.map((task, i) => [task.index, i]));
    let next = 0;
    let done = 0;
    let inFlight = 0;
    let taskError: Error | undefined;
    return new Promise<BacktestSummary[]>((resolve, reject) => {
      const detach: (() => void)[] = [];
      const feeds: (() => void)[] = [];
      const settle = (error?: Error) => {
        detach.forEach((off) => off());
        if (error) {
          reject(error);
        } else {
          resolve(results);
        }
      };
      const workerFailed = (error: Error) => {
        this.failure ??= error;
        settle(error);
        void this.close();
      };
      for (const worker of this.workers) {
        const feed = () => {
          if (taskError === undefined && next < tasks.length) {
            inFlight += 1;
            worker.postMessage(tasks[next++]);
          }
        };
        const onMessage = (reply: WorkerReply) => {
          inFlight -= 1;
          if ('error' in reply) {
            taskError ??= new Error(`parameter set ${reply.index}: ${reply.error}`);
          } else {
            results[position.get(reply.index)!] = reply.summary;
            done += 1;
            onDone?.(done);
          }
          if (taskError !== undefined) {
            if (inFlight === 0) {
              settle(taskError);
            }
          } else if (done === tasks.length) {
            settle();
          } else {
            feed();
          }
        };
        const onError = (error: Error) => workerFailed(error);
        const onExit = (code: number) =>
          workerFailed(new Error(`an optimiser worker exited (code ${code}) during a run`));
        feeds.push(feed);
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        detach.push(() => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
        });
      }
      if (tasks.length === 0) {
        settle();
        return;
      }
      // Fed once every listener is attached: no reply can find the run half set up.
      feeds.forEach((feed) => feed());
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error('the optimiser pool is closed');
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
