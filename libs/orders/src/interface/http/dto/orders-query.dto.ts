import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Length, Matches, Max, Min } from 'class-validator';

import { SYMBOL_PATTERN } from '@nexwave/core';

import { ORDER_STATUSES } from '../../../domain/order-status';
import {
  DEFAULT_ORDERS_LIMIT,
  MAX_ORDERS_LIMIT,
  MAX_ORDERS_OFFSET,
  MAX_STRATEGY_ID_LENGTH,
} from '../orders-list.request';

/** Query string of GET /api/v1/orders. */
export class OrdersQueryDto {
  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: string;

  @ApiPropertyOptional({
    description: 'Only this symbol (case-sensitive, e.g. BTC or kBONK)',
    pattern: SYMBOL_PATTERN.source,
  })
  @IsOptional()
  @Matches(SYMBOL_PATTERN, { message: 'symbol must be an exchange symbol like BTC or kBONK' })
  symbol?: string;

  @ApiPropertyOptional({ description: 'Only orders of this strategy (manual: placed by hand)' })
  @IsOptional()
  @Length(1, MAX_STRATEGY_ID_LENGTH)
  strategyId?: string;

  @ApiPropertyOptional({
    description: 'Most orders returned, newest first',
    minimum: 1,
    maximum: MAX_ORDERS_LIMIT,
    default: DEFAULT_ORDERS_LIMIT,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ORDERS_LIMIT)
  limit?: number;

  @ApiPropertyOptional({
    description: 'Orders skipped (paging)',
    minimum: 0,
    maximum: MAX_ORDERS_OFFSET,
    default: 0,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_ORDERS_OFFSET)
  offset?: number;
}

/** Query string of GET /api/v1/positions. */
export class PositionsQueryDto {
  @ApiPropertyOptional({
    description: 'Paper positions (default) or live ones',
    default: true,
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  paperTrading?: boolean;
}
