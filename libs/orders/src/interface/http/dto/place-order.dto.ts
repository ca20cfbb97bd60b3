import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';

import { SYMBOL_PATTERN } from '@nexwave/core';

import { MAX_STRATEGY_ID_LENGTH } from '../orders-list.request';
import {
  DEFAULT_SLIPPAGE_PERCENT,
  MANUAL_STRATEGY_ID,
  type PlaceOrderInput,
} from '../place-order.request';

const DECIMAL = /^\d+(\.\d+)?$/;
const DECIMAL_RULE = '$property must be a decimal string like "0.01"';

/** Body of POST /api/v1/orders: an orders.requests.v1 request with defaults. */
export class PlaceOrderDto implements PlaceOrderInput {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Idempotency key: the same id again returns the stored order and places nothing. Generated when absent',
  })
  @IsOptional()
  @IsUUID()
  clientOrderId?: string;

  @ApiPropertyOptional({ default: MANUAL_STRATEGY_ID, maxLength: MAX_STRATEGY_ID_LENGTH })
  @IsOptional()
  @IsString()
  @Length(1, MAX_STRATEGY_ID_LENGTH)
  strategyId?: string;

  @ApiProperty({ example: 'BTC', description: 'Case-sensitive', pattern: SYMBOL_PATTERN.source })
  @Matches(SYMBOL_PATTERN, { message: 'symbol must be an exchange symbol like BTC or kBONK' })
  symbol!: string;

  @ApiProperty({ enum: ['bid', 'ask'], description: 'bid buys (long), ask sells (short)' })
  @IsIn(['bid', 'ask'])
  side!: string;

  @ApiProperty({ enum: ['market', 'limit'] })
  @IsIn(['market', 'limit'])
  orderType!: string;

  @ApiProperty({ example: '0.01', description: 'Base units, decimal string' })
  @Matches(DECIMAL, { message: DECIMAL_RULE })
  amount!: string;

  @ApiPropertyOptional({ example: '95000', description: 'Limit orders only (required there)' })
  @IsOptional()
  @Matches(DECIMAL, { message: DECIMAL_RULE })
  price?: string;

  @ApiPropertyOptional({
    enum: ['GTC', 'IOC', 'ALO', 'TOB'],
    default: 'GTC',
    description: 'Limit orders only: GTC rests, IOC fills or cancels, ALO/TOB are post-only',
  })
  @IsOptional()
  @IsIn(['GTC', 'IOC', 'ALO', 'TOB'])
  tif?: string;

  @ApiPropertyOptional({
    default: DEFAULT_SLIPPAGE_PERCENT,
    description: 'Market orders only: worst fill away from the book, in percent ("0.5" = 0.5 %)',
  })
  @IsOptional()
  @Matches(DECIMAL, { message: DECIMAL_RULE })
  slippagePercent?: string;

  @ApiPropertyOptional({ default: false, description: 'Only reduce an open position' })
  @IsOptional()
  @IsBoolean()
  reduceOnly?: boolean;

  @ApiPropertyOptional({
    default: true,
    description: 'Paper order (simulated fills); false only where order management trades live',
  })
  @IsOptional()
  @IsBoolean()
  paperTrading?: boolean;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    description: 'Free-form notes kept with the order; requestedBy is set by the server',
  })
  @IsOptional()
  @IsObject()
  metadata?: Record<string, string | number | boolean | null>;
}
