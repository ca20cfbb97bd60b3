import { CommandBus } from '@nestjs/cqrs';
import { EventPattern, Payload } from '@nestjs/microservices';

import { DomainError } from '@nexwave/core';
import {
  MessageConsumer,
  RetriableError,
  Topics,
  type CandleV1,
  type OrderEventV1,
  type WhaleDetectedV1,
} from '@nexwave/messaging';

import { ApplyOrderEventCommand } from '../../application/commands/apply-order-event.command';
import { EvaluateCandleCommand } from '../../application/commands/evaluate-candle.command';
import { ObserveWhaleCommand } from '../../application/commands/observe-whale.command';
import { toCandle, toOrderProgress, toWhaleEvent } from './strategy-messages';

/**
 * What the strategy reacts to. Each is idempotent without the inbox: a replayed candle maps to
 * the stored signals' client order ids, a replayed order event to a sequence already applied, a
 * replayed whale to the same detection time. An order event or candle whose storing failed is
 * retried (then dead-lettered): the book counts an order event only once stored, and a candle's
 * signals are kept when unstored, so a later delivery still records its performance point.
 */
@MessageConsumer()
export class StrategyInputsConsumer {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern(Topics.MarketDataCandles, { idempotentBy: 'natural-key', consumer: 'strategy' })
  async onCandle(@Payload() candle: CandleV1): Promise<void> {
    try {
      await this.commands.execute(new EvaluateCandleCommand(toCandle(candle)));
    } catch (error) {
      throw retriable(error, 'a candle');
    }
  }

  @EventPattern(Topics.WhalesDetected, { idempotentBy: 'natural-key', consumer: 'strategy' })
  async onWhale(@Payload() whale: WhaleDetectedV1): Promise<void> {
    await this.commands.execute(new ObserveWhaleCommand(toWhaleEvent(whale)));
  }

  @EventPattern(Topics.OrdersEvents, { idempotentBy: 'natural-key', consumer: 'strategy' })
  async onOrderEvent(@Payload() event: OrderEventV1): Promise<void> {
    try {
      await this.commands.execute(
        new ApplyOrderEventCommand(event.strategyId, toOrderProgress(event)),
      );
    } catch (error) {
      throw retriable(error, 'an order event');
    }
  }
}

/** Applying a candle or an order event is pure but for its writes: any failure but a refusal may pass. */
function retriable(error: unknown, what: string): unknown {
  if (error instanceof DomainError || !(error instanceof Error)) {
    return error;
  }
  return new RetriableError(`storing ${what} failed: ${error.message}`, { cause: error });
}
