import type { Provider } from '@nestjs/common';

import { ApplyOrderEventHandler } from './commands/apply-order-event.handler';
import { EvaluateCandleHandler } from './commands/evaluate-candle.handler';
import { ObserveWhaleHandler } from './commands/observe-whale.handler';
import { RestoreStrategyBookHandler } from './commands/restore-strategy-book.handler';
import { RetryPendingSignalsHandler } from './commands/retry-pending-signals.handler';
import { WarmUpStrategyHandler } from './commands/warm-up-strategy.handler';
import { SignalRiskGate } from './signal-risk-gate';

/** The strategy context's command handlers and the risk gate they share; the app (or a harness) binds the ports. */
export const STRATEGY_APPLICATION_PROVIDERS: Provider[] = [
  EvaluateCandleHandler,
  ApplyOrderEventHandler,
  ObserveWhaleHandler,
  WarmUpStrategyHandler,
  RestoreStrategyBookHandler,
  RetryPendingSignalsHandler,
  SignalRiskGate,
];
