import { Field, Int, ObjectType } from '@nestjs/graphql';

import type { OrderEventV1 } from '@nexwave/messaging';

import type { OrderStatus } from '../../domain/order-status';
import { OrderStatusEnum } from './order-status.enum';

@ObjectType('OrderUpdate', {
  description:
    'One order lifecycle event as orders.events.v1 carries it: the event and the full order after it; decimal strings',
})
export class OrderUpdateModel implements Omit<OrderEventV1, 'status'> {
  @Field(() => String, {
    description:
      'accepted, opened, partially_filled, filled, canceled, rejected, expired or unknown',
  })
  event!: OrderEventV1['event'];

  @Field(() => String, {
    description: 'Who made the change: request, exchange, paper, reconciliation, admin, breaker',
  })
  cause!: OrderEventV1['cause'];

  @Field(() => String, { description: 'ISO 8601 UTC' })
  eventAt!: string;

  @Field(() => String, { nullable: true, description: 'The fill this event reports' })
  lastFillAmount!: string | null;

  @Field(() => String, { nullable: true })
  lastFillPrice!: string | null;

  @Field(() => OrderStatusEnum)
  status!: OrderStatus;

  @Field(() => Int, { description: 'Events of the order so far, minus one' })
  sequence!: number;

  @Field(() => String)
  clientOrderId!: string;

  @Field(() => String, { nullable: true })
  exchangeOrderId!: string | null;

  @Field(() => String)
  strategyId!: string;

  @Field(() => String)
  symbol!: string;

  @Field(() => String, { description: 'bid or ask' })
  side!: 'bid' | 'ask';

  @Field(() => String, { description: 'market or limit' })
  orderType!: 'market' | 'limit';

  @Field(() => String)
  amount!: string;

  @Field(() => String, { nullable: true })
  price!: string | null;

  @Field(() => String)
  filledAmount!: string;

  @Field(() => String, { nullable: true })
  averageFillPrice!: string | null;

  @Field(() => String, { description: 'Cumulative fee in USD' })
  feeUsd!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => Boolean)
  reduceOnly!: boolean;

  @Field(() => Boolean)
  paperTrading!: boolean;
}
