import { Command } from '@nestjs/cqrs';

/** Start-up: replay the stored state of the strategy's orders into its book; returns how many. */
export class RestoreStrategyBookCommand extends Command<number> {}
