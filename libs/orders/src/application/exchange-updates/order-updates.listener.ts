import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';

import { OrdersError } from '../../domain/orders.errors';
import {
  ExchangePort,
  type OrderUpdate,
  type OrderUpdateSubscription,
} from '../ports/exchange.port';
import { ApplyOrderUpdateCommand, type OrderUpdateCause } from './apply-order-update.command';

export const ORDER_UPDATES_CAUSE = Symbol('ORDER_UPDATES_CAUSE');

/** A write can lose a race with another writer of the same order (the ack, reconciliation). */
const ATTEMPTS = 3;

/**
 * Subscribes to the exchange's order updates once the app is up and applies them one at a time, in
 * the order they came (a fill before the cancel that followed it). An update that loses a write
 * race is applied again on the reloaded order; one that still fails is logged and left to
 * reconciliation. `idle()` resolves when every update received so far has been handled.
 */
@Injectable()
export class OrderUpdatesListener implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OrderUpdatesListener.name);
  private subscription: OrderUpdateSubscription | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly exchange: ExchangePort,
    private readonly commands: CommandBus,
    @Inject(ORDER_UPDATES_CAUSE) private readonly cause: OrderUpdateCause,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = await this.exchange.subscribe((update) => {
      this.queue = this.queue.then(() => this.apply(update));
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
    this.subscription = null;
    await this.queue;
  }

  idle(): Promise<void> {
    return this.queue;
  }

  private async apply(update: OrderUpdate): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.commands.execute(new ApplyOrderUpdateCommand(update, this.cause));
        return;
      } catch (error) {
        if (error instanceof OrdersError || attempt >= ATTEMPTS) {
          this.logger.error(
            `order update ${describe(update)} not applied (reconciliation will retry): ${String(error)}`,
          );
          return;
        }
      }
    }
  }
}

function describe(update: OrderUpdate): string {
  return update.kind === 'fill'
    ? `fill ${update.fill.fillId} of ${update.fill.clientOrderId ?? update.fill.exchangeOrderId}`
    : `${update.status} of ${update.clientOrderId ?? update.exchangeOrderId}`;
}
