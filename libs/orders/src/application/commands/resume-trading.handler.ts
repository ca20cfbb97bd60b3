import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import type { BreakerSnapshot } from '../../domain/circuit-breaker';
import { OrdersClockPort } from '../ports/orders-clock.port';
import { BreakerGate } from './breaker-gate';
import { ResumeTradingCommand } from './resume-trading.command';

/** Lifts a halt with who resumed it and why; stored as a transition (the audit trail) and published. */
@CommandHandler(ResumeTradingCommand)
export class ResumeTradingHandler implements ICommandHandler<
  ResumeTradingCommand,
  BreakerSnapshot
> {
  constructor(
    private readonly breaker: BreakerGate,
    private readonly clock: OrdersClockPort,
  ) {}

  execute({ requestedBy, reason }: ResumeTradingCommand): Promise<BreakerSnapshot> {
    return this.breaker.change((breaker) => breaker.resume(requestedBy, this.clock.now(), reason));
  }
}
