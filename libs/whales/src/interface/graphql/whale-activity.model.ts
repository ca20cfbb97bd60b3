import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

import type { WhaleKind } from '../../domain/whale-candidate';
import { WhaleKindEnum } from './whale-kind.enum';

@ObjectType('WhaleLevel', { description: 'One book level of a whale; decimal strings' })
export class WhaleLevelModel {
  @Field(() => String)
  price!: string;

  @Field(() => String, { description: 'Base units' })
  amount!: string;

  @Field(() => Int, { description: 'Resting orders at the level' })
  orders!: number;
}

@ObjectType('WhaleActivity', {
  description: 'A large resting order or ladder followed while it stayed in the book',
})
export class WhaleActivityModel {
  @Field(() => String, { description: 'Activity id (uuid v7), as in whales.detected.v1' })
  id!: string;

  @Field(() => String)
  symbol!: string;

  @Field(() => String, { description: 'bid or ask: the book side the liquidity rests on' })
  side!: string;

  @Field(() => WhaleKindEnum)
  kind!: WhaleKind;

  @Field(() => String, { description: 'Lowest price, as last seen' })
  priceLow!: string;

  @Field(() => String, { description: 'Highest price, as last seen' })
  priceHigh!: string;

  @Field(() => String, { description: 'Base units over the levels, as last seen' })
  size!: string;

  @Field(() => String, { description: 'USD notional over the levels, as last seen' })
  notionalUsd!: string;

  @Field(() => Int)
  levelCount!: number;

  @Field(() => Int)
  orderCount!: number;

  @Field(() => Float, { description: '0.6 to 0.95' })
  confidence!: number;

  @Field(() => [WhaleLevelModel], { description: 'The levels as first detected' })
  levels!: WhaleLevelModel[];

  @Field(() => String, { description: 'Detection time, ISO 8601 UTC' })
  firstSeenAt!: string;

  @Field(() => String, { description: 'Last seen in the book, ISO 8601 UTC' })
  lastSeenAt!: string;

  @Field(() => String, { description: 'Book mid at detection' })
  priceAtDetection!: string;

  @Field(() => Float, {
    nullable: true,
    description:
      'Trade-price move 1 minute after detection in bps, signed by side (positive: the way the whale pushes)',
  })
  impact1mBps!: number | null;

  @Field(() => Float, { nullable: true, description: 'As impact1mBps, 5 minutes after' })
  impact5mBps!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'As impact1mBps, 15 minutes after (the headline figure)',
  })
  impact15mBps!: number | null;

  @Field(() => Float, { nullable: true, description: 'As impact1mBps, 60 minutes after' })
  impact60mBps!: number | null;
}

@ObjectType('WhaleImpactAverage', { description: 'Average market impact per symbol and kind' })
export class WhaleImpactAverageModel {
  @Field(() => String)
  symbol!: string;

  @Field(() => WhaleKindEnum)
  kind!: WhaleKind;

  @Field(() => Int)
  activities!: number;

  @Field(() => Int, { description: 'Activities with a 15-minute figure' })
  measured15m!: number;

  @Field(() => Float, { nullable: true })
  avgImpact1mBps!: number | null;

  @Field(() => Float, { nullable: true })
  avgImpact5mBps!: number | null;

  @Field(() => Float, { nullable: true })
  avgImpact15mBps!: number | null;

  @Field(() => Float, { nullable: true })
  avgImpact60mBps!: number | null;
}
