import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

import {
  DEFAULT_SIGNALS_LIMIT,
  MAX_REASON_LENGTH,
  MAX_SIGNALS_LIMIT,
} from '../strategy-signals.request';
import { DEFAULT_TRADES_LIMIT, MAX_TRADES_LIMIT } from '../strategy-trades.request';

/** Query string of GET /api/v1/strategies/{id}/signals. */
export class StrategySignalsQueryDto {
  @ApiPropertyOptional({
    description: 'Most signals returned, newest first',
    minimum: 1,
    maximum: MAX_SIGNALS_LIMIT,
    default: DEFAULT_SIGNALS_LIMIT,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SIGNALS_LIMIT)
  limit?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "Only signals older than this one: the previous page's nextBefore",
  })
  @IsOptional()
  @IsUUID('all', { message: 'before must be the clientOrderId (a UUID) of a signal' })
  before?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Only signals stored at or after this time (ISO 8601)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'since must be an ISO 8601 date-time' })
  since?: string;
}

/** Body of POST /api/v1/strategies/{id}/pause and /resume (optional). */
export class StrategyControlDto {
  @ApiPropertyOptional({
    maxLength: MAX_REASON_LENGTH,
    description: 'Why; a pause keeps it (shown as pausedReason), a resume logs it',
  })
  @IsOptional()
  @IsString()
  @Length(1, MAX_REASON_LENGTH)
  reason?: string;
}

/** Query string of GET /api/v1/strategies/{id}/trades. */
export class StrategyTradesQueryDto {
  @ApiPropertyOptional({
    description: 'Most trades returned, newest first',
    minimum: 1,
    maximum: MAX_TRADES_LIMIT,
    default: DEFAULT_TRADES_LIMIT,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_TRADES_LIMIT)
  limit?: number;
}
