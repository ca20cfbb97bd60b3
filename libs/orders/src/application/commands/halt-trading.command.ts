import { Command } from '@nestjs/cqrs';

import type { BreakerSnapshot } from '../../domain/circuit-breaker';

/** An admin stops all order submission until resumed. Throws OrdersError ALREADY_HALTED. */
export class HaltTradingCommand extends Command<BreakerSnapshot> {
  constructor(
    readonly reason: string,
    readonly requestedBy: string,
  ) {
    super();
  }
}
