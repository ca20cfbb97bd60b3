import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

import { backtest, mergeCandles, type BacktestResult } from '@nexwave/backtest';
import type { Clock } from '@nexwave/core';
import type { Candle } from '@nexwave/strategy';

import { backtestBase, type BacktestRequest } from '../domain/backtest-request';
import type { BacktestRun } from '../domain/backtest-run';
import { storedOutcome } from '../domain/backtest-run';
import { loadBacktestData } from './load-backtest-data';
import { BacktestDataPort } from './ports/backtest-data.port';
import { BacktestRunRepository } from './ports/backtest-run.repository';

/** Candles replayed between two progress writes (and two turns of the event loop). */
const PROGRESS_EVERY = 5_000;

export interface RunProgress {
  start(total: number): void;
  advance(done: number): void;
  stop(): void;
}

interface Replayed {
  readonly result: BacktestResult;
  readonly candles: Candle[];
}

const NO_PROGRESS: RunProgress = {
  start: () => undefined,
  advance: () => undefined,
  stop: () => undefined,
};

/**
 * Loads a request's candles and markets, replays them with the pure engine and stores the run
 * with its progress and outcome. Between chunks of candles it yields to the event loop, so an API
 * process running it stays responsive.
 */
export class BacktestRunner {
  constructor(
    private readonly data: BacktestDataPort,
    private readonly runs: BacktestRunRepository,
    private readonly clock: Clock,
  ) {}

  /** Stores the run and returns it at once; the replay continues in the background. */
  async start(request: BacktestRequest): Promise<BacktestRun> {
    const run = await this.runs.create(request, this.clock.now());
    void this.execute(run.id, request, NO_PROGRESS).catch(() => undefined);
    return run;
  }

  /**
   * Stores the run and replays it; the result with the candles replayed (for a report), or the
   * error the run was stored with.
   */
  async run(
    request: BacktestRequest,
    progress: RunProgress = NO_PROGRESS,
  ): Promise<{ id: string; result: BacktestResult; candles: Candle[] }> {
    const run = await this.runs.create(request, this.clock.now());
    const { result, candles } = await this.execute(run.id, request, progress);
    return { id: run.id, result, candles };
  }

  private async execute(
    id: string,
    request: BacktestRequest,
    progress: RunProgress,
  ): Promise<Replayed> {
    try {
      const replayed = await this.replay(id, request, progress);
      await this.runs.finish(id, storedOutcome(replayed.result), this.clock.now());
      return replayed;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.runs.finish(id, { status: 'failed', error: message }, this.clock.now());
      throw error;
    }
  }

  private async replay(
    id: string,
    request: BacktestRequest,
    progress: RunProgress,
  ): Promise<Replayed> {
    const { markets, series } = await loadBacktestData(this.data, request);
    const candles = [...mergeCandles(series)];
    const total = candles.length;
    await this.runs.progress(id, 0, total);
    progress.start(total);
    const steps = backtest({
      ...backtestBase(request, markets),
      candles,
      progressEvery: PROGRESS_EVERY,
    });
    try {
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) {
          await this.runs.progress(id, total, total);
          progress.advance(total);
          return { result: step.value, candles };
        }
        await this.runs.progress(id, step.value.candles, total);
        progress.advance(step.value.candles);
        await yieldToEventLoop();
      }
    } finally {
      progress.stop();
    }
  }
}
