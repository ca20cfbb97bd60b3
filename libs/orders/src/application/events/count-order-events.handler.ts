import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';

import { OrdersMetrics } from '../orders.metrics';
import { OrderCanceledEvent } from './order-canceled.event';
import { OrderExpiredEvent } from './order-expired.event';
import { OrderFilledEvent } from './order-filled.event';
import { OrderMarkedUnknownEvent } from './order-marked-unknown.event';
import { OrderOpenedEvent } from './order-opened.event';
import { OrderPlacedEvent } from './order-placed.event';
import { OrderRejectedEvent } from './order-rejected.event';

type OrderBusEvent =
  | OrderPlacedEvent
  | OrderOpenedEvent
  | OrderFilledEvent
  | OrderCanceledEvent
  | OrderRejectedEvent
  | OrderExpiredEvent
  | OrderMarkedUnknownEvent;

/** Counts every order event, whoever produced it (placement, exchange update, reconciliation). */
@EventsHandler(
  OrderPlacedEvent,
  OrderOpenedEvent,
  OrderFilledEvent,
  OrderCanceledEvent,
  OrderRejectedEvent,
  OrderExpiredEvent,
  OrderMarkedUnknownEvent,
)
export class CountOrderEventsHandler implements IEventHandler<OrderBusEvent> {
  constructor(private readonly metrics: OrdersMetrics) {}

  handle({ event }: OrderBusEvent): void {
    this.metrics.events.inc({ type: event.type });
  }
}
