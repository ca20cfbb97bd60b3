import type { Provider } from '@nestjs/common';
import { Registry } from 'prom-client';

import { ApplyOrderEventHandler } from './commands/apply-order-event.handler';
import { EvaluateCandleHandler } from './commands/evaluate-candle.handler';
import { ObserveWhaleHandler } from './commands/observe-whale.handler';
import { PauseStrategyHandler } from './commands/pause-strategy.handler';
import { RecordPerformanceHandler } from './commands/record-performance.handler';
import { RestoreStrategyBookHandler } from './commands/restore-strategy-book.handler';
import { ResumeStrategyHandler } from './commands/resume-strategy.handler';
import { RetryPendingSignalsHandler } from './commands/retry-pending-signals.handler';
import { StrategyControlUpdater } from './commands/strategy-control.updater';
import { WarmUpStrategyHandler } from './commands/warm-up-strategy.handler';
import { GetStrategiesHandler } from './queries/get-strategies.handler';
import { GetStrategyPerformanceHandler } from './queries/get-strategy-performance.handler';
import { GetStrategySignalsHandler } from './queries/get-strategy-signals.handler';
import { GetStrategyTradesHandler } from './queries/get-strategy-trades.handler';
import { GetStrategyHandler } from './queries/get-strategy.handler';
import { SignalRecorder } from './signal-recorder';
import { SignalRiskGate } from './signal-risk-gate';
import { StrategyMetrics } from './strategy.metrics';

/** The strategy context's command handlers, the risk gate and signal recorder they share, its metrics; the app (or a harness) binds the ports. */
export const STRATEGY_APPLICATION_PROVIDERS: Provider[] = [
  EvaluateCandleHandler,
  ApplyOrderEventHandler,
  ObserveWhaleHandler,
  WarmUpStrategyHandler,
  RestoreStrategyBookHandler,
  RecordPerformanceHandler,
  StrategyControlUpdater,
  PauseStrategyHandler,
  ResumeStrategyHandler,
  RetryPendingSignalsHandler,
  SignalRiskGate,
  SignalRecorder,
  {
    provide: StrategyMetrics,
    useFactory: (registry?: Registry) => new StrategyMetrics(registry),
    inject: [{ token: Registry, optional: true }],
  },
];

/** The read side's query handlers: they need only the read ports (instances, signals, performance). */
export const STRATEGY_QUERY_HANDLERS: Provider[] = [
  GetStrategiesHandler,
  GetStrategyHandler,
  GetStrategySignalsHandler,
  GetStrategyPerformanceHandler,
  GetStrategyTradesHandler,
];
