import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import type { BreakerSnapshot } from '../../domain/circuit-breaker';
import { OrdersClockPort } from '../ports/orders-clock.port';
import { BreakerGate } from './breaker-gate';
import { HaltTradingCommand } from './halt-trading.command';

/** Halts the breaker with who and why; stored as a transition (the audit trail) and published. */
@CommandHandler(HaltTradingCommand)
export class HaltTradingHandler implements ICommandHandler<HaltTradingCommand, BreakerSnapshot> {
  constructor(
    private readonly breaker: BreakerGate,
    private readonly clock: OrdersClockPort,
  ) {}

  execute({ reason, requestedBy }: HaltTradingCommand): Promise<BreakerSnapshot> {
    return this.breaker.change((breaker) => breaker.halt(reason, requestedBy, this.clock.now()));
  }
}
