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
 */
const TS_WORKER = (file: string) => `
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { transformSync } = require('@swc/core');
const options = JSON.parse(readFileSync(${JSON.stringify(`${ROOT}/.swcrc`)}, 'utf8'));
options.jsc.baseUrl = require('node:path').resolve(${JSON.stringify(ROOT)});
Module._extensions['.ts'] = (module, filename) =>
  module._compile(transformSync(readFileSync(filename, 'utf8'), { ...options, filename, swcrc: false }).code, filename);
require(${JSON.stringify(file)});`;

/** Starts a worker on the compiled file, or on the TypeScript source through swc. */
function startWorker(workerData: unknown): Worker {
  const file = `${__dirname}/optimise.worker${__filename.slice(__filename.lastIndexOf('.'))}`;
  return file.endsWith('.ts')
    ? new Worker(TS_WORKER(file), { eval: true, workerData })
    : new Worker(file, { workerData });
}

/**
 * `size` worker threads, each given the base and the candles once (structured clone), then fed
 * tasks one at a time as it frees up. Results come back by task index, so what a run returns does
 * not depend on the number of workers or their timing.
 */
export class OptimiserPool {
  private readonly workers: Worker[];

  constructor(
    base: OptimiseBase,
    candles: readonly Candle[],
    readonly size = defaultWorkers(),
  ) {
    this.workers = Array.from({ length: Math.max(1, size) }, () => startWorker({ base, candles }));
  }

  /** Runs every task; `onDone` after each (progress). Rejects on the first failed task. */
  run(tasks: readonly OptimiseTask[], onDone?: (done: number) => void): Promise<BacktestSummary[]> {
    const results: BacktestSummary[] = new Array<BacktestSummary>(tasks.length);
    const position = new Map(tasks.map((task, i) => [task.index, i]));
    let next = 0;
    let done = 0;
    return new Promise((resolve, reject) => {
      if (tasks.length === 0) {
        resolve(results);
        return;
      }
      const listeners = this.workers.map((worker) => {
        const feed = () => {
          if (next < tasks.length) {
            worker.postMessage(tasks[next++]);
          }
        };
        const onMessage = (reply: WorkerReply) => {
          if ('error' in reply) {
            cleanup();
            reject(new Error(`parameter set ${reply.index}: ${reply.error}`));
            return;
          }
          results[position.get(reply.index)!] = reply.summary;
          onDone?.(++done);
          if (done === tasks.length) {
            cleanup();
            resolve(results);
          } else {
            feed();
          }
        };
        const onError = (error: Error) => {
          cleanup();
          reject(error);
        };
        worker.on('message', onMessage);
        worker.on('error', onError);
        feed();
        return { worker, onMessage, onError };
      });
      const cleanup = () =>
        listeners.forEach(({ worker, onMessage, onError }) => {
          worker.off('message', onMessage);
          worker.off('error', onError);
        });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
