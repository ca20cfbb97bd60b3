import type { Provider } from '@nestjs/common';

import { ApplyOrderEventHandler } from './commands/apply-order-event.handler';
import { EvaluateCandleHandler } from './commands/evaluate-candle.handler';
import { ObserveWhaleHandler } from './commands/observe-whale.handler';
import { RecordPerformanceHandler } from './commands/record-performance.handler';
import { RestoreStrategyBookHandler } from './commands/restore-strategy-book.handler';
import { WarmUpStrategyHandler } from './commands/warm-up-strategy.handler';

/** The strategy context's command handlers; the app (or a harness) binds the ports. */
export const STRATEGY_APPLICATION_PROVIDERS: Provider[] = [
  EvaluateCandleHandler,
  ApplyOrderEventHandler,
  ObserveWhaleHandler,
  WarmUpStrategyHandler,
  RestoreStrategyBookHandler,
  RecordPerformanceHandler,
];
