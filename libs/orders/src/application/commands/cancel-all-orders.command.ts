import { Command } from '@nestjs/cqrs';

export interface CancelAllOrdersResult {
  /** The working orders asked to cancel. */
  readonly clientOrderIds: readonly string[];
}

/** Cancel every working order, or only those of `symbol`. */
export class CancelAllOrdersCommand extends Command<CancelAllOrdersResult> {
  constructor(
    readonly symbol: string | null,
    readonly requestedBy: string,
  ) {
    super();
  }
}
