import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

import type { PerformanceView, TradeView } from '../http/strategies.views';

const BEFORE_FIRST_RECORD = 'null before its first record (first candle of its timeframe or fill)';

@ObjectType('StrategyPerformance', {
  description: "A strategy's latest figures; money in decimal strings, ratios as floats",
})
export class StrategyPerformanceModel implements PerformanceView {
  @Field(() => String)
  strategyId!: string;

  @Field(() => String, {
    nullable: true,
    description: `Its newest equity point (ISO 8601 UTC); ${BEFORE_FIRST_RECORD}`,
  })
  asOf!: string | null;

  @Field(() => String, { nullable: true, description: `USD; ${BEFORE_FIRST_RECORD}` })
  startingEquityUsd!: string | null;

  @Field(() => String, {
    nullable: true,
    description: `USD at the last candle closes, after every fee; ${BEFORE_FIRST_RECORD}`,
  })
  equityUsd!: string | null;

  @Field(() => String, { description: 'PnL of closed trades after their fees, USD' })
  realisedPnlUsd!: string;

  @Field(() => String, { description: 'Open positions at their last candle close, USD' })
  unrealisedPnlUsd!: string;

  @Field(() => String, { description: 'Realised + unrealised, USD' })
  totalPnlUsd!: string;

  @Field(() => Int, { description: 'Closed round trips' })
  tradeCount!: number;

  @Field(() => Int)
  wins!: number;

  @Field(() => Int)
  losses!: number;

  @Field(() => Float, { nullable: true, description: 'wins / trades; null before a trade' })
  winRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Of daily returns, annualised (x sqrt 365); null when not measurable',
  })
  sharpe!: number | null;

  @Field(() => Float, { nullable: true, description: 'As Sharpe, over the downside deviation' })
  sortino!: number | null;

  @Field(() => String, { description: 'Largest fall of equity from a peak, USD' })
  maxDrawdownUsd!: string;

  @Field(() => String, { description: 'Largest fall from a peak, percent of the peak' })
  maxDrawdownPct!: string;

  @Field(() => Float, { nullable: true, description: 'Share of the recorded time in a position' })
  exposure!: number | null;
}

@ObjectType('StrategyTrade', { description: 'A closed round trip of a strategy' })
export class StrategyTradeModel implements TradeView {
  @Field(() => String)
  symbol!: string;

  @Field(() => String, { description: 'long or short' })
  side!: 'long' | 'short';

  @Field(() => String, { description: 'Base units opened and closed' })
  quantity!: string;

  @Field(() => String, { description: 'Average entry' })
  entryPrice!: string;

  @Field(() => String, { description: 'Average exit' })
  exitPrice!: string;

  @Field(() => String, { description: 'Fees of its fills, USD' })
  feesUsd!: string;

  @Field(() => String, { description: 'Realised PnL after fees, USD' })
  pnlUsd!: string;

  @Field(() => String, { description: 'Its first fill (ISO 8601 UTC)' })
  openedAt!: string;

  @Field(() => String, { description: 'The fill that closed it (ISO 8601 UTC)' })
  closedAt!: string;
}

@ObjectType('StrategyTrades', { description: "An instance's closed round trips, newest first" })
export class StrategyTradesModel {
  @Field(() => String)
  strategyId!: string;

  @Field(() => [StrategyTradeModel])
  trades!: StrategyTradeModel[];
}
