import { ApiProperty } from '@nestjs/swagger';

import type { PerformanceView, TradesView, TradeView } from '../strategies.views';

const BEFORE_FIRST_RECORD = 'null before its first record (first candle of its timeframe or fill)';

export class StrategyPerformanceDto implements PerformanceView {
  @ApiProperty({ example: 'mean_reversion_1' })
  strategyId!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: `Its newest equity point; ${BEFORE_FIRST_RECORD}`,
  })
  asOf!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '100000',
    description: `PORTFOLIO_VALUE it started with; ${BEFORE_FIRST_RECORD}`,
  })
  startingEquityUsd!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '100038',
    description: `At the last candle closes, after every fee; ${BEFORE_FIRST_RECORD}`,
  })
  equityUsd!: string | null;

  @ApiProperty({ example: '38', description: 'PnL of closed trades, after their fees' })
  realisedPnlUsd!: string;

  @ApiProperty({ example: '0', description: 'Open positions at their last candle close' })
  unrealisedPnlUsd!: string;

  @ApiProperty({ example: '38', description: 'Realised + unrealised' })
  totalPnlUsd!: string;

  @ApiProperty({ example: 1, description: 'Closed round trips' })
  tradeCount!: number;

  @ApiProperty({ example: 1, description: 'Trades with a PnL above zero' })
  wins!: number;

  @ApiProperty({ example: 0, description: 'Trades with a PnL below zero' })
  losses!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 1,
    description: 'wins / trades, 0 to 1; null before the first trade',
  })
  winRate!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Of daily returns, annualised (x sqrt 365); null under 2 returns or no variance',
  })
  sharpe!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'As Sharpe, over the downside deviation; null under 2 returns or no losing day',
  })
  sortino!: number | null;

  @ApiProperty({ example: '1', description: 'Largest fall of equity from a peak, USD' })
  maxDrawdownUsd!: string;

  @ApiProperty({ example: '0.001', description: 'Largest fall from a peak, percent of the peak' })
  maxDrawdownPct!: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.5,
    description: 'Share of the recorded time in a position, 0 to 1; null before any time passed',
  })
  exposure!: number | null;
}

export class StrategyTradeDto implements TradeView {
  @ApiProperty({ example: 'BTC' })
  symbol!: string;

  @ApiProperty({ enum: ['long', 'short'] })
  side!: 'long' | 'short';

  @ApiProperty({ example: '10', description: 'Base units opened and closed' })
  quantity!: string;

  @ApiProperty({ example: '100', description: 'Average entry' })
  entryPrice!: string;

  @ApiProperty({ example: '104', description: 'Average exit' })
  exitPrice!: string;

  @ApiProperty({ example: '2', description: 'Fees of its fills, USD' })
  feesUsd!: string;

  @ApiProperty({ example: '38', description: 'Realised PnL after fees, USD' })
  pnlUsd!: string;

  @ApiProperty({ format: 'date-time', description: 'Its first fill' })
  openedAt!: string;

  @ApiProperty({ format: 'date-time', description: 'The fill that closed it' })
  closedAt!: string;
}

export class StrategyTradesDto implements TradesView {
  @ApiProperty()
  strategyId!: string;

  @ApiProperty({ type: [StrategyTradeDto], description: 'Closed round trips, newest first' })
  trades!: StrategyTradeDto[];
}
