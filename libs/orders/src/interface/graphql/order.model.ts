import { Field, Int, ObjectType } from '@nestjs/graphql';

import type { OrderStatus } from '../../domain/order-status';
import type { OrderView } from '../http/orders.views';
import { OrderStatusEnum } from './order-status.enum';

@ObjectType('Order', {
  description: 'One order: the request, where it is, what was filled; decimal strings',
})
export class OrderModel implements OrderView {
  @Field(() => String, { description: 'Idempotency key chosen by the requester (UUID)' })
  clientOrderId!: string;

  @Field(() => String, { nullable: true, description: "The exchange's id once acknowledged" })
  exchangeOrderId!: string | null;

  @Field(() => String, { description: 'manual for orders placed by hand' })
  strategyId!: string;

  @Field(() => String)
  symbol!: string;

  @Field(() => String, { description: 'bid buys (long), ask sells (short)' })
  side!: 'bid' | 'ask';

  @Field(() => String, { description: 'market or limit' })
  orderType!: 'market' | 'limit';

  @Field(() => String, { description: 'Base units' })
  amount!: string;

  @Field(() => String, { nullable: true, description: 'Limit price; null for market' })
  price!: string | null;

  @Field(() => String, { nullable: true, description: 'Limit orders: GTC, IOC, ALO or TOB' })
  tif!: string | null;

  @Field(() => String, { nullable: true, description: 'Market orders: slippage bound, percent' })
  slippagePercent!: string | null;

  @Field(() => Boolean)
  reduceOnly!: boolean;

  @Field(() => Boolean)
  paperTrading!: boolean;

  @Field(() => OrderStatusEnum)
  status!: OrderStatus;

  @Field(() => String)
  filledAmount!: string;

  @Field(() => String, { nullable: true, description: 'Volume-weighted over the fills' })
  averageFillPrice!: string | null;

  @Field(() => String, { description: 'Cumulative fee in USD' })
  feeUsd!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Why it was canceled, rejected or became unknown',
  })
  reason!: string | null;

  @Field(() => Int, { description: 'Events of the order so far, minus one' })
  sequence!: number;

  @Field(() => String, { description: 'ISO 8601 UTC' })
  createdAt!: string;

  @Field(() => String, { description: 'ISO 8601 UTC' })
  updatedAt!: string;
}

@ObjectType('OrdersPage', { description: 'One page of orders, newest first' })
export class OrdersPageModel {
  @Field(() => [OrderModel])
  orders!: OrderModel[];

  @Field(() => Int, { description: 'Orders matching the filter, over every page' })
  total!: number;

  @Field(() => Int)
  limit!: number;

  @Field(() => Int)
  offset!: number;
}
