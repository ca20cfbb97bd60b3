import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional } from 'class-validator';

import { DEFAULT_CANDLE_LIMIT, MAX_CANDLE_LIMIT } from '../../../domain/candle-request';

/** Query string of GET /api/v1/candles/{symbol}/{timeframe}; ranges are checked by the domain. */
export class CandlesQueryDto {
  @ApiPropertyOptional({
    description: 'Earliest candle open time (inclusive), ISO 8601',
    example: '2025-01-01T00:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Latest candle open time (inclusive), ISO 8601' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({
    description: 'Most candles returned, newest first',
    minimum: 1,
    maximum: MAX_CANDLE_LIMIT,
    default: DEFAULT_CANDLE_LIMIT,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  limit?: number;
}
