import { ApiProperty } from '@nestjs/swagger';

class WhaleLevelDto {
  @ApiProperty({ example: '96950' })
  price!: string;

  @ApiProperty({ example: '1.25', description: 'Base units' })
  amount!: string;

  @ApiProperty({ description: 'Resting orders at the level' })
  orders!: number;
}

export class WhaleActivityDto {
  @ApiProperty({ description: 'Activity id (uuid v7), the activityId of whales.detected.v1' })
  id!: string;

  @ApiProperty({ example: 'BTC' })
  symbol!: string;

  @ApiProperty({ enum: ['bid', 'ask'], description: 'Book side the liquidity rests on' })
  side!: string;

  @ApiProperty({ enum: ['single', 'ladder'] })
  kind!: string;

  @ApiProperty({ description: 'Lowest price, as last seen' })
  priceLow!: string;

  @ApiProperty({ description: 'Highest price, as last seen' })
  priceHigh!: string;

  @ApiProperty({ description: 'Base units over the levels, as last seen' })
  size!: string;

  @ApiProperty({ description: 'USD notional (price x size) over the levels, as last seen' })
  notionalUsd!: string;

  @ApiProperty()
  levelCount!: number;

  @ApiProperty()
  orderCount!: number;

  @ApiProperty({ minimum: 0.6, maximum: 0.95 })
  confidence!: number;

  @ApiProperty({ type: [WhaleLevelDto], description: 'The levels as first detected' })
  levels!: WhaleLevelDto[];

  @ApiProperty({ description: 'First seen = detection time, ISO 8601' })
  firstSeenAt!: string;

  @ApiProperty({ description: 'Last seen in the book, ISO 8601' })
  lastSeenAt!: string;

  @ApiProperty({ description: 'Book mid at detection' })
  priceAtDetection!: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Trade-price move 1 minute after detection in basis points, signed by side (positive: up for a bid whale, down for an ask whale); null until measured',
  })
  impact1mBps!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'As impact1mBps, 5 minutes after' })
  impact5mBps!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'As impact1mBps, 15 minutes after (the headline figure)',
  })
  impact15mBps!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'As impact1mBps, 60 minutes after' })
  impact60mBps!: number | null;
}

export class WhalesResponseDto {
  @ApiProperty({ type: [WhaleActivityDto], description: 'Newest detection first' })
  activities!: WhaleActivityDto[];

  @ApiProperty()
  limit!: number;

  @ApiProperty()
  offset!: number;
}

export class WhaleImpactAverageDto {
  @ApiProperty()
  symbol!: string;

  @ApiProperty({ enum: ['single', 'ladder'] })
  kind!: string;

  @ApiProperty({ description: 'Activities detected' })
  activities!: number;

  @ApiProperty({ description: 'Activities with a 15-minute figure' })
  measured15m!: number;

  @ApiProperty({ type: Number, nullable: true })
  avgImpact1mBps!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  avgImpact5mBps!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  avgImpact15mBps!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  avgImpact60mBps!: number | null;
}

export class WhaleImpactResponseDto {
  @ApiProperty({ type: [WhaleImpactAverageDto], description: 'Per symbol and kind' })
  averages!: WhaleImpactAverageDto[];
}
