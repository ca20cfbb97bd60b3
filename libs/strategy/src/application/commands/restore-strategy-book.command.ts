import { Command } from '@nestjs/cqrs';

/**
 * Start-up: replay the stored state of the strategy's orders into its book and reload its
 * performance ledger; returns how many orders.
 */
export class RestoreStrategyBookCommand extends Command<number> {}
