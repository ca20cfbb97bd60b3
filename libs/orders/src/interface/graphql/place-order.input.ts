import { Field, InputType } from '@nestjs/graphql';

import type { PlaceOrderInput } from '../http/place-order.request';

@InputType('PlaceOrderInput', {
  description:
    'An order as orders.requests.v1 carries it, with defaults: strategy manual, GTC, 0.5 % slippage, paper',
})
export class PlaceOrderInputModel implements PlaceOrderInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Idempotency key (UUID): the same id again returns the stored order. Generated when absent',
  })
  clientOrderId?: string;

  @Field(() => String, { nullable: true, description: 'Default manual' })
  strategyId?: string;

  @Field(() => String, { description: 'Case-sensitive, e.g. BTC or kBONK' })
  symbol!: string;

  @Field(() => String, { description: 'bid buys (long), ask sells (short)' })
  side!: string;

  @Field(() => String, { description: 'market or limit' })
  orderType!: string;

  @Field(() => String, { description: 'Base units, decimal string' })
  amount!: string;

  @Field(() => String, { nullable: true, description: 'Limit orders only (required there)' })
  price?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Limit orders only: GTC (default), IOC, ALO, TOB',
  })
  tif?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Market orders only: worst fill away from the book, percent (default 0.5)',
  })
  slippagePercent?: string;

  @Field(() => Boolean, { nullable: true, description: 'Default false' })
  reduceOnly?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Default true' })
  paperTrading?: boolean;
}
