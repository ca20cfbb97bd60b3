import { Field, ObjectType } from '@nestjs/graphql';

import type { PositionView } from '../http/orders.views';

@ObjectType('Position', { description: 'A net position built from our fills; decimal strings' })
export class PositionModel implements PositionView {
  @Field(() => String)
  symbol!: string;

  @Field(() => String, { description: 'Signed base units: positive long, negative short' })
  size!: string;

  @Field(() => String, { nullable: true, description: 'Volume-weighted entry' })
  entryPrice!: string | null;

  @Field(() => String, { description: 'Realised by reducing or closing, before fees' })
  realisedPnlUsd!: string;

  @Field(() => String)
  feesUsd!: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601 UTC' })
  updatedAt!: string | null;
}
