import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Candle', { description: 'One OHLCV candle; prices and volume are decimal strings' })
export class CandleModel {
  @Field(() => String, { description: 'Candle open time, ISO 8601 UTC' })
  time!: string;

  @Field(() => String, { description: 'First trade price' })
  open!: string;

  @Field(() => String, { description: 'Highest trade price' })
  high!: string;

  @Field(() => String, { description: 'Lowest trade price' })
  low!: string;

  @Field(() => String, { description: 'Last trade price' })
  close!: string;

  @Field(() => String, { description: 'Sum of trade sizes in base units' })
  volume!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Volume-weighted average price; null when volume is 0',
  })
  vwap!: string | null;

  @Field(() => Int, { description: 'Number of trades' })
  tradeCount!: number;
}
