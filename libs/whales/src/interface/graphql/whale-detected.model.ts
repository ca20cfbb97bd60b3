import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

import type { WhaleDetectedV1 } from '@nexwave/messaging';

import type { WhaleKind } from '../../domain/whale-candidate';
import { WhaleKindEnum } from './whale-kind.enum';

@ObjectType('WhaleDetected', {
  description: 'A whale as whales.detected.v1 announces it, the moment it is detected',
})
export class WhaleDetectedModel implements WhaleDetectedV1 {
  @Field(() => String, { description: 'Activity id (uuid v7), the id of whaleActivities' })
  activityId!: string;

  @Field(() => String)
  symbol!: string;

  @Field(() => String, { description: 'bid or ask: the book side the liquidity rests on' })
  side!: 'bid' | 'ask';

  @Field(() => WhaleKindEnum)
  kind!: WhaleKind;

  @Field(() => String)
  priceLow!: string;

  @Field(() => String)
  priceHigh!: string;

  @Field(() => String, { description: 'Base units over the levels' })
  size!: string;

  @Field(() => String, { description: 'USD notional over the levels' })
  notionalUsd!: string;

  @Field(() => Int)
  levels!: number;

  @Field(() => Int)
  orderCount!: number;

  @Field(() => Float, { description: '0.6 to 0.95' })
  confidence!: number;

  @Field(() => String, { description: 'ISO 8601 UTC' })
  firstSeenAt!: string;

  @Field(() => String, { description: 'ISO 8601 UTC' })
  lastSeenAt!: string;
}
