import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';

import { RiskMetrics } from '../risk.metrics';
import { OrderRejectedByRiskEvent } from './order-rejected-by-risk.event';

@EventsHandler(OrderRejectedByRiskEvent)
export class CountRiskRejectionsHandler implements IEventHandler<OrderRejectedByRiskEvent> {
  constructor(private readonly metrics: RiskMetrics) {}

  handle({ decision }: OrderRejectedByRiskEvent): void {
    this.metrics.rejections.inc({ rule: decision.failedRule ?? 'unknown' });
  }
}
