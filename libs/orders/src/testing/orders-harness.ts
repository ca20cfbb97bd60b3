import type { Type } from '@nestjs/common';
import { CommandBus, CqrsModule, EventBus, QueryBus, type IEvent } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';

import { ORDERS_SETTINGS, type OrdersSettings } from '../application/commands/orders-settings';
import { ORDERS_APPLICATION_PROVIDERS } from '../application/orders-application.providers';
import { OrdersMetrics } from '../application/orders.metrics';
import { BreakerRepository } from '../application/ports/breaker.repository.port';
import { ExchangePort } from '../application/ports/exchange.port';
import { OrderRepository } from '../application/ports/order.repository.port';
import { OrdersClockPort } from '../application/ports/orders-clock.port';
import { PositionRepository } from '../application/ports/position.repository.port';
import { DEFAULT_BREAKER_SETTINGS, type BreakerSnapshot } from '../domain/circuit-breaker';
import { FakeExchange } from './fake-exchange';
import { InMemoryBreakerRepository } from './in-memory-breaker.repository';
import { InMemoryOrderRepository, InMemoryPositionRepository } from './in-memory-order.repository';

/** A clock a test moves by hand. */
export class ManualClock extends OrdersClockPort {
  constructor(private at: Date) {
    super();
  }

  now(): Date {
    return this.at;
  }

  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

export interface OrdersHarnessOptions<E extends ExchangePort = FakeExchange> {
  readonly settings?: Partial<OrdersSettings>;
  /** A FakeExchange subclass a test instruments, or a real adapter (e.g. against the simulator). */
  readonly exchange?: E;
  readonly start?: Date;
  /** The breaker as stored before the handlers start. */
  readonly breaker?: BreakerSnapshot;
}

/**
 * The orders command and query handlers on real CQRS buses, over the in-memory repositories, an
 * exchange (a FakeExchange by default) and a manual clock; `published` is everything the EventBus
 * carried.
 */
export class OrdersHarness<E extends ExchangePort = FakeExchange> {
  readonly published: IEvent[] = [];

  private constructor(
    private readonly moduleRef: TestingModule,
    readonly orders: InMemoryOrderRepository,
    readonly breakers: InMemoryBreakerRepository,
    readonly exchange: E,
    readonly clock: ManualClock,
  ) {
    moduleRef.get(EventBus).subscribe((event) => this.published.push(event));
  }

  static async create<E extends ExchangePort = FakeExchange>(
    options: OrdersHarnessOptions<E> = {},
  ): Promise<OrdersHarness<E>> {
    const orders = new InMemoryOrderRepository();
    const breakers = new InMemoryBreakerRepository();
    if (options.breaker) {
      await breakers.save(options.breaker, []);
    }
    const exchange = options.exchange ?? (new FakeExchange() as ExchangePort as E);
    const clock = new ManualClock(options.start ?? new Date('2026-01-15T12:00:00.000Z'));
    const settings: OrdersSettings = {
      paperTrading: true,
      breaker: DEFAULT_BREAKER_SETTINGS,
      ...options.settings,
    };
    const moduleRef = await Test.createTestingModule({
      imports: [CqrsModule.forRoot()],
      providers: [
        ...ORDERS_APPLICATION_PROVIDERS,
        { provide: OrderRepository, useValue: orders },
        { provide: PositionRepository, useValue: new InMemoryPositionRepository(orders) },
        { provide: BreakerRepository, useValue: breakers },
        { provide: ExchangePort, useValue: exchange },
        { provide: OrdersClockPort, useValue: clock },
        { provide: ORDERS_SETTINGS, useValue: settings },
      ],
    }).compile();
    moduleRef.useLogger(false);
    await moduleRef.init();
    return new OrdersHarness(moduleRef, orders, breakers, exchange, clock);
  }

  /** The context's metrics (on a registry of their own: the harness has no app registry). */
  get metrics(): OrdersMetrics {
    return this.moduleRef.get(OrdersMetrics);
  }

  get commands(): CommandBus {
    return this.moduleRef.get(CommandBus);
  }

  get queries(): QueryBus {
    return this.moduleRef.get(QueryBus);
  }

  /** The EventBus events of one class, in order. */
  publishedOf<E extends IEvent>(type: Type<E>): E[] {
    return this.published.filter((event): event is E => event instanceof type);
  }

  close(): Promise<void> {
    return this.moduleRef.close();
  }
}
