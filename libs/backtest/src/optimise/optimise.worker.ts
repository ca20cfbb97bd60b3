// A worker of the OptimiserPool: receives the candles once (workerData), then runs tasks.
import { parentPort, workerData } from 'node:worker_threads';

import type { Candle } from '@nexwave/strategy';

import { evaluate, type OptimiseBase, type OptimiseTask } from './evaluate';

const { base, candles } = workerData as { base: OptimiseBase; candles: Candle[] };
const port = parentPort!;

port.on('message', (task: OptimiseTask) => {
  try {
    port.postMessage({ index: task.index, summary: evaluate(base, candles, task) });
  } catch (error) {
    port.postMessage({
      index: task.index,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
