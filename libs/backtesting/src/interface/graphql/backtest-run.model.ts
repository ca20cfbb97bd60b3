import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('BacktestSummary', { description: 'The figures of a finished backtest run' })
export class BacktestSummaryModel {
  @Field(() => Int) trades!: number;
  @Field(() => String, { description: 'USD, decimal string' }) pnl!: string;
  @Field(() => Float) returnPct!: number;
  @Field(() => Float, { nullable: true }) sharpe!: number | null;
  @Field(() => Float, { nullable: true }) sortino!: number | null;
  @Field(() => Float, { description: 'USD' }) maxDrawdown!: number;
  @Field(() => Float) maxDrawdownPct!: number;
  @Field(() => Float, { nullable: true }) winRate!: number | null;
  @Field(() => Float, { nullable: true }) profitFactor!: number | null;
  @Field(() => Float, { nullable: true }) exposure!: number | null;
  @Field(() => String) fees!: string;
  @Field(() => String) startEquity!: string;
  @Field(() => String) endEquity!: string;
  @Field(() => Int) candles!: number;
}

@ObjectType('BacktestRun', { description: 'A backtest run: request, progress, outcome' })
export class BacktestRunModel {
  @Field(() => String) id!: string;
  @Field(() => String) strategy!: string;
  @Field(() => String, { description: 'Parameters after defaults, as JSON text' })
  parameters!: string;
  @Field(() => [String]) symbols!: string[];
  @Field(() => String) timeframe!: string;
  @Field(() => String) from!: string;
  @Field(() => String) to!: string;
  @Field(() => String, { description: 'running | succeeded | failed' }) status!: string;
  @Field(() => Int) candlesDone!: number;
  @Field(() => Int) candlesTotal!: number;
  @Field(() => BacktestSummaryModel, { nullable: true }) summary!: BacktestSummaryModel | null;
  @Field(() => String, { description: 'Closed round trips, as JSON text' }) trades!: string;
  @Field(() => String, { description: 'Equity points (thinned), as JSON text' })
  equityCurve!: string;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => String) createdAt!: string;
  @Field(() => String, { nullable: true }) finishedAt!: string | null;
}

@InputType('BacktestInput', { description: 'What to backtest (REST POST /api/v1/backtests)' })
export class BacktestInputModel {
  @Field(() => String) strategy!: string;
  @Field(() => String, { nullable: true, description: 'Strategy parameters as a JSON object' })
  parameters?: string | null;
  @Field(() => [String]) symbols!: string[];
  @Field(() => String) timeframe!: string;
  @Field(() => String, { description: 'ISO 8601, inclusive' }) from!: string;
  @Field(() => String, { description: 'ISO 8601, exclusive' }) to!: string;
}
