import { Field, Int, ObjectType } from '@nestjs/graphql';

import type { Timeframe } from '../../domain/timeframe';
import { TimeframeEnum } from './timeframe.enum';

@ObjectType('FormingCandle', {
  description:
    'The candle of the bucket trades fall into now; prices and volume are decimal strings',
})
export class FormingCandleModel {
  @Field(() => String)
  symbol!: string;

  @Field(() => TimeframeEnum)
  timeframe!: Timeframe;

  @Field(() => String, { description: 'Bucket start (candle open time), ISO 8601 UTC' })
  time!: string;

  @Field(() => String, { description: 'First trade price of the bucket' })
  open!: string;

  @Field(() => String)
  high!: string;

  @Field(() => String)
  low!: string;

  @Field(() => String, { description: 'Latest trade price' })
  close!: string;

  @Field(() => String, { description: 'Sum of trade sizes in base units' })
  volume!: string;

  @Field(() => Int, { description: 'Trades in the bucket so far' })
  tradeCount!: number;

  @Field(() => Boolean, { description: 'Always false: the bucket is still forming' })
  closed!: boolean;
}
