import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';

import { WhalesMetrics } from '../whales.metrics';
import { WhaleDetectedEvent } from './whale-detected.event';

@EventsHandler(WhaleDetectedEvent)
export class CountWhalesDetectedHandler implements IEventHandler<WhaleDetectedEvent> {
  constructor(private readonly metrics: WhalesMetrics) {}

  handle({ kind }: WhaleDetectedEvent): void {
    this.metrics.detected.inc({ kind });
  }
}
