import { ApiProperty } from '@nestjs/swagger';

import type { SignalStatus } from '../../../application/ports/signal.repository.port';
import { STRATEGY_STATES, type StrategyState } from '../../../domain/engine/strategy-control';
import type {
  RiskDecisionView,
  SignalFillView,
  SignalsPageView,
  SignalView,
  StrategyView,
} from '../strategies.views';

export class StrategyDto implements StrategyView {
  @ApiProperty({ example: 'mean_reversion_1', description: 'The instance (STRATEGY_ID)' })
  id!: string;

  @ApiProperty({ example: 'mean_reversion', description: 'The strategy it runs (STRATEGY)' })
  name!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { timeframe: '1h', lookback: 20, entryStdDevs: 2 },
    description: 'What it runs with, defaults filled in',
  })
  parameters!: Record<string, unknown>;

  @ApiProperty({
    enum: STRATEGY_STATES,
    description: 'running: enters and exits; paused: no new entries, exits still go out',
  })
  state!: StrategyState;

  @ApiProperty({ type: String, nullable: true, description: 'Why it was paused' })
  pausedReason!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Who paused or resumed it last' })
  changedBy!: string | null;

  @ApiProperty({ format: 'date-time', description: 'When its engine last started' })
  startedAt!: string;

  @ApiProperty({ format: 'date-time', description: 'When its state last changed' })
  updatedAt!: string;
}

export class StrategiesDto {
  @ApiProperty({ type: [StrategyDto], description: 'By id' })
  strategies!: StrategyDto[];
}

export class RiskDecisionDto implements RiskDecisionView {
  @ApiProperty()
  approved!: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'order_size',
    description: 'The rule that decided; null when every rule passed',
  })
  rule!: string | null;

  @ApiProperty({ description: 'The numbers the rule saw and its limit' })
  reason!: string;
}

export class SignalFillDto implements SignalFillView {
  @ApiProperty({ example: '0.5', description: 'Base units filled so far' })
  filledAmount!: string;

  @ApiProperty({ type: String, nullable: true })
  averageFillPrice!: string | null;

  @ApiProperty({ description: 'Cumulative fee in USD' })
  feeUsd!: string;

  @ApiProperty({ description: "The order's last applied event" })
  sequence!: number;
}

export class SignalDto implements SignalView {
  @ApiProperty({
    format: 'uuid',
    description: 'The client order id of the order it sent (or would have)',
  })
  clientOrderId!: string;

  @ApiProperty({ example: 'BTC' })
  symbol!: string;

  @ApiProperty({ enum: ['bid', 'ask'] })
  side!: 'bid' | 'ask';

  @ApiProperty({ enum: ['entry', 'exit'] })
  intent!: 'entry' | 'exit';

  @ApiProperty({ description: 'What the strategy asked for, base units, unrounded' })
  size!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Rounded to the lot; null below one lot',
  })
  amount!: string | null;

  @ApiProperty({ description: 'The price it decided at' })
  price!: string;

  @ApiProperty({ type: String, nullable: true })
  stopLoss!: string | null;

  @ApiProperty({ type: String, nullable: true })
  takeProfit!: string | null;

  @ApiProperty({ description: "The strategy's reason" })
  reason!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { mean: '100.5', stdDev: '0.5' },
    description: 'Indicator values it decided on',
  })
  indicators!: Record<string, string>;

  @ApiProperty({ format: 'date-time', description: 'The candle it decided on' })
  bucketStart!: string;

  @ApiProperty({
    enum: ['pending_risk', 'sent', 'rejected', 'below_lot', 'expired'],
    description:
      'pending_risk: risk has not answered yet; sent: approved and requested; rejected: refused by risk; below_lot: under one lot; expired: risk did not answer within a candle, never sent',
  })
  status!: SignalStatus;

  @ApiProperty({
    type: RiskDecisionDto,
    nullable: true,
    description: 'Null when risk was not asked',
  })
  risk!: RiskDecisionDto | null;

  @ApiProperty({
    type: SignalFillDto,
    nullable: true,
    description: "Null until its order's first event",
  })
  fill!: SignalFillDto | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class SignalsPageDto implements SignalsPageView {
  @ApiProperty()
  strategyId!: string;

  @ApiProperty({ type: [SignalDto], description: 'Newest first' })
  signals!: SignalDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'Pass as before for the next, older page; null on the last page',
  })
  nextBefore!: string | null;
}
