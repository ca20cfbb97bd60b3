import { ApiProperty } from '@nestjs/swagger';

import { TIMEFRAMES } from '../../../domain/timeframe';

export class CandleDto {
  @ApiProperty({
    description: 'Candle open time, ISO 8601 UTC',
    example: '2025-01-01T00:00:00.000Z',
  })
  time!: string;

  @ApiProperty({ description: 'First trade price (decimal string)', example: '97000.5' })
  open!: string;

  @ApiProperty({ description: 'Highest trade price (decimal string)' })
  high!: string;

  @ApiProperty({ description: 'Lowest trade price (decimal string)' })
  low!: string;

  @ApiProperty({ description: 'Last trade price (decimal string)' })
  close!: string;

  @ApiProperty({ description: 'Sum of trade sizes in base units (decimal string)' })
  volume!: string;

  @ApiProperty({
    description: 'Volume-weighted average price (decimal string); null when volume is 0',
    type: String,
    nullable: true,
  })
  vwap!: string | null;

  @ApiProperty({ description: 'Number of trades' })
  tradeCount!: number;
}

export class CandlesResponseDto {
  @ApiProperty({ example: 'BTC' })
  symbol!: string;

  @ApiProperty({ enum: TIMEFRAMES })
  timeframe!: string;

  @ApiProperty({ type: [CandleDto], description: 'Newest first' })
  candles!: CandleDto[];
}
