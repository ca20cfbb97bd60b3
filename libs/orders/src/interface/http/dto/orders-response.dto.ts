import { ApiProperty } from '@nestjs/swagger';

import { ORDER_STATUSES, type OrderStatus } from '../../../domain/order-status';
import type { CircuitBreakerView, OrderView, PositionView } from '../orders.views';

export class OrderDto implements OrderView {
  @ApiProperty({ format: 'uuid', description: 'Idempotency key chosen by the requester' })
  clientOrderId!: string;

  @ApiProperty({ type: String, nullable: true, description: "The exchange's id once acknowledged" })
  exchangeOrderId!: string | null;

  @ApiProperty({ example: 'manual' })
  strategyId!: string;

  @ApiProperty({ example: 'BTC' })
  symbol!: string;

  @ApiProperty({ enum: ['bid', 'ask'] })
  side!: 'bid' | 'ask';

  @ApiProperty({ enum: ['market', 'limit'] })
  orderType!: 'market' | 'limit';

  @ApiProperty({ example: '0.01', description: 'Base units' })
  amount!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Limit price; null for market' })
  price!: string | null;

  @ApiProperty({ type: String, nullable: true, enum: ['GTC', 'IOC', 'ALO', 'TOB'] })
  tif!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Market orders: percent' })
  slippagePercent!: string | null;

  @ApiProperty()
  reduceOnly!: boolean;

  @ApiProperty()
  paperTrading!: boolean;

  @ApiProperty({ enum: ORDER_STATUSES })
  status!: OrderStatus;

  @ApiProperty({ example: '0.01' })
  filledAmount!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Volume-weighted over the fills' })
  averageFillPrice!: string | null;

  @ApiProperty({ description: 'Cumulative fee in USD' })
  feeUsd!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why it was canceled, rejected or became unknown',
  })
  reason!: string | null;

  @ApiProperty({ description: 'Events of the order so far, minus one' })
  sequence!: number;

  @ApiProperty({ description: 'ISO 8601' })
  createdAt!: string;

  @ApiProperty({ description: 'ISO 8601' })
  updatedAt!: string;
}

export class OrdersPageDto {
  @ApiProperty({ type: [OrderDto], description: 'Newest first' })
  orders!: OrderDto[];

  @ApiProperty({ description: 'Orders matching the filter, over every page' })
  total!: number;

  @ApiProperty()
  limit!: number;

  @ApiProperty()
  offset!: number;
}

export class PositionDto implements PositionView {
  @ApiProperty({ example: 'BTC' })
  symbol!: string;

  @ApiProperty({ example: '0.01', description: 'Signed base units: positive long, negative short' })
  size!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Volume-weighted entry' })
  entryPrice!: string | null;

  @ApiProperty({ description: 'Realised by reducing or closing, before fees' })
  realisedPnlUsd!: string;

  @ApiProperty()
  feesUsd!: string;

  @ApiProperty({ type: String, nullable: true, description: 'ISO 8601' })
  updatedAt!: string | null;
}

export class PositionsResponseDto {
  @ApiProperty()
  paperTrading!: boolean;

  @ApiProperty({ type: [PositionDto], description: 'Every position that is not flat' })
  positions!: PositionDto[];
}

export class CircuitBreakerDto implements CircuitBreakerView {
  @ApiProperty({
    enum: ['closed', 'open', 'half_open', 'halted'],
    description:
      'closed: trading; open: tripped by failures; half_open: probing; halted: stopped by an admin',
  })
  state!: 'closed' | 'open' | 'half_open' | 'halted';

  @ApiProperty()
  consecutiveFailures!: number;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The failures, or the admin's reason" })
  reason!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Who halted or resumed it' })
  changedBy!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'ISO 8601' })
  changedAt!: string | null;
}
