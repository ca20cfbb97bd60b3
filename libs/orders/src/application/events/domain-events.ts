import type { IEvent } from '@nestjs/cqrs';

import { assertNever } from '@nexwave/core';

import type { BreakerTransition } from '../../domain/circuit-breaker';
import type { OrderEvent } from '../../domain/order';
import { BreakerProbingEvent } from './breaker-probing.event';
import { BreakerRecoveredEvent } from './breaker-recovered.event';
import { BreakerTrippedEvent } from './breaker-tripped.event';
import { OrderCanceledEvent } from './order-canceled.event';
import { OrderExpiredEvent } from './order-expired.event';
import { OrderFilledEvent } from './order-filled.event';
import { OrderMarkedUnknownEvent } from './order-marked-unknown.event';
import { OrderOpenedEvent } from './order-opened.event';
import { OrderPlacedEvent } from './order-placed.event';
import { OrderRejectedEvent } from './order-rejected.event';
import { TradingHaltedEvent } from './trading-halted.event';
import { TradingResumedEvent } from './trading-resumed.event';

/** The EventBus event for each order event the aggregate returned, in order. */
export function toOrderBusEvents(events: readonly OrderEvent[]): IEvent[] {
  return events.map((event) => {
    switch (event.type) {
      case 'accepted':
        return new OrderPlacedEvent(event);
      case 'opened':
        return new OrderOpenedEvent(event);
      case 'partially_filled':
      case 'filled':
        return new OrderFilledEvent(event);
      case 'canceled':
        return new OrderCanceledEvent(event);
      case 'rejected':
        return new OrderRejectedEvent(event);
      case 'expired':
        return new OrderExpiredEvent(event);
      case 'unknown':
        return new OrderMarkedUnknownEvent(event);
      default:
        return assertNever(event.type);
    }
  });
}

/** The EventBus event for each breaker transition, in order. */
export function toBreakerBusEvents(transitions: readonly BreakerTransition[]): IEvent[] {
  return transitions.map((transition) => {
    switch (transition.to) {
      case 'open':
        return new BreakerTrippedEvent(transition);
      case 'half_open':
        return new BreakerProbingEvent(transition);
      case 'halted':
        return new TradingHaltedEvent(transition);
      case 'closed':
        return transition.from === 'halted'
          ? new TradingResumedEvent(transition)
          : new BreakerRecoveredEvent(transition);
      default:
        return assertNever(transition.to);
    }
  });
}
