import { Command } from '@nestjs/cqrs';

import type { BreakerSnapshot } from '../../domain/circuit-breaker';

/** An admin lifts a halt. Throws OrdersError NOT_HALTED when trading is not halted. */
export class ResumeTradingCommand extends Command<BreakerSnapshot> {
  constructor(
    readonly requestedBy: string,
    readonly reason: string | null = null,
  ) {
    super();
  }
}
