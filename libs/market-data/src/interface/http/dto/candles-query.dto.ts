import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Matches } from 'class-validator';

import { ISO_DATE_TIME_PATTERN, SYMBOL_PATTERN } from '@nexwave/core';

import { DEFAULT_CANDLE_LIMIT, MAX_CANDLE_LIMIT } from '../../../domain/candle-request';
import { TIMEFRAMES } from '../../../domain/timeframe';

const DATE_TIME_RULE = '$property must be an ISO 8601 date-time like 2025-01-01T00:00:00Z';

/**
 * Path of GET /api/v1/candles/{symbol}/{timeframe}. Only the form is checked here: the domain
 * names an unknown symbol or timeframe with the allowed values.
 */
export class CandlesParamsDto {
  @ApiProperty({ description: 'Case-sensitive, e.g. BTC or kBONK', pattern: SYMBOL_PATTERN.source })
  @Matches(SYMBOL_PATTERN, {
    message:
      'symbol must be an exchange symbol like BTC or kBONK (letters, digits, _ or -, at most 32)',
  })
  symbol!: string;

  @ApiProperty({ enum: TIMEFRAMES })
  @Matches(/^[0-9A-Za-z]{1,8}$/, { message: `timeframe must be one of ${TIMEFRAMES.join(', ')}` })
  timeframe!: string;
}

/** Query string of GET /api/v1/candles/{symbol}/{timeframe}; ranges are checked by the domain. */
export class CandlesQueryDto {
  @ApiPropertyOptional({
    description: 'Earliest candle open time (inclusive), ISO 8601',
    example: '2025-01-01T00:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(ISO_DATE_TIME_PATTERN, { message: DATE_TIME_RULE })
  from?: string;

  @ApiPropertyOptional({ description: 'Latest candle open time (inclusive), ISO 8601' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(ISO_DATE_TIME_PATTERN, { message: DATE_TIME_RULE })
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
