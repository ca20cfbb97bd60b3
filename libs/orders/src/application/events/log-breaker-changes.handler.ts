import { Logger } from '@nestjs/common';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';

import { BreakerProbingEvent } from './breaker-probing.event';
import { BreakerRecoveredEvent } from './breaker-recovered.event';
import { BreakerTrippedEvent } from './breaker-tripped.event';
import { TradingHaltedEvent } from './trading-halted.event';
import { TradingResumedEvent } from './trading-resumed.event';

type BreakerEvent =
  | BreakerTrippedEvent
  | BreakerProbingEvent
  | BreakerRecoveredEvent
  | TradingHaltedEvent
  | TradingResumedEvent;

/**
 * Operators learn of every breaker change from the log: a trip at error level (orders are being
 * refused), a halt or probe at warn, a recovery or resume at log. The audit trail is stored.
 */
@EventsHandler(
  BreakerTrippedEvent,
  BreakerProbingEvent,
  BreakerRecoveredEvent,
  TradingHaltedEvent,
  TradingResumedEvent,
)
export class LogBreakerChangesHandler implements IEventHandler<BreakerEvent> {
  private readonly logger = new Logger('CircuitBreaker');

  handle(event: BreakerEvent): void {
    const { from, to, reason, by } = event.transition;
    const line = `circuit breaker ${from} -> ${to}${by ? ` by ${by}` : ''}: ${reason}`;
    if (event instanceof BreakerTrippedEvent) {
      this.logger.error(line);
    } else if (event instanceof BreakerProbingEvent || event instanceof TradingHaltedEvent) {
      this.logger.warn(line);
    } else {
      this.logger.log(line);
    }
  }
}
