import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';

import { ISO_DATE_TIME_PATTERN, SYMBOL_PATTERN } from '@nexwave/core';

import {
  DEFAULT_WHALE_LIMIT,
  MAX_WHALE_LIMIT,
  MAX_WHALE_OFFSET,
  MIN_USD_PATTERN,
  WHALE_KINDS,
} from '../../../application/queries/activity-filter';

/** Query string of GET /api/v1/whales/impact. */
export class WhaleImpactQueryDto {
  @ApiPropertyOptional({
    description: 'Only this symbol (case-sensitive, e.g. BTC or kBONK)',
    pattern: SYMBOL_PATTERN.source,
  })
  @IsOptional()
  @Matches(SYMBOL_PATTERN, { message: 'symbol must be an exchange symbol like BTC or kBONK' })
  symbol?: string;

  @ApiPropertyOptional({
    description: 'Only activities detected at or after this time, ISO 8601',
    example: '2026-01-15T00:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(ISO_DATE_TIME_PATTERN, {
    message: 'since must be an ISO 8601 date-time like 2026-01-15T00:00:00Z',
  })
  since?: string;
}

/** Query string of GET /api/v1/whales. */
export class WhalesQueryDto extends WhaleImpactQueryDto {
  @ApiPropertyOptional({
    description: 'Smallest USD notional (as last seen), a decimal string',
    example: '100000',
  })
  @IsOptional()
  @Matches(MIN_USD_PATTERN, {
    message: 'minUsd must be a non-negative decimal like 100000 (at most 18 digits each side)',
  })
  minUsd?: string;

  @ApiPropertyOptional({ enum: WHALE_KINDS, description: 'single level or ladder' })
  @IsOptional()
  @IsIn(WHALE_KINDS)
  kind?: string;

  @ApiPropertyOptional({
    description: 'Most activities returned, newest detection first',
    minimum: 1,
    maximum: MAX_WHALE_LIMIT,
    default: DEFAULT_WHALE_LIMIT,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_WHALE_LIMIT)
  limit?: number;

  @ApiPropertyOptional({
    description: 'Activities skipped (paging)',
    minimum: 0,
    maximum: MAX_WHALE_OFFSET,
    default: 0,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_WHALE_OFFSET)
  offset?: number;
}
