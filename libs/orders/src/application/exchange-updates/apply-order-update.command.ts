import { Command } from '@nestjs/cqrs';

import type { OrderChangeCause } from '../../domain/order';
import type { OrderUpdate } from '../ports/exchange.port';

/** `applied`: events stored; `unchanged`: a replayed fill or a status already passed; `unknown_order`: not ours. */
export type OrderUpdateOutcome = 'applied' | 'unchanged' | 'unknown_order';

/** Who reported the fact: the exchange's stream (live or paper), or a reconciliation pass. */
export type OrderUpdateCause = Extract<OrderChangeCause, 'exchange' | 'paper' | 'reconciliation'>;

/** Apply one fact the exchange reported (a fill or a status) to the order it names. */
export class ApplyOrderUpdateCommand extends Command<OrderUpdateOutcome> {
  constructor(
    readonly update: OrderUpdate,
    readonly cause: OrderUpdateCause,
  ) {
    super();
  }
}
