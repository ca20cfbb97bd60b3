import { Field, Int, ObjectType } from '@nestjs/graphql';

import type { SignalStatus } from '../../application/ports/signal.repository.port';
import type { StrategyState } from '../../domain/engine/strategy-control';
import type {
  RiskDecisionView,
  SignalFillView,
  SignalView,
  StrategyView,
} from '../http/strategies.views';

@ObjectType('NamedValue', { description: 'A name and its value' })
export class NamedValueModel {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  value!: string;
}

@ObjectType('Strategy', { description: 'A strategy instance: what it runs, whether it may enter' })
export class StrategyModel implements Omit<StrategyView, 'parameters'> {
  @Field(() => String, { description: 'The instance (STRATEGY_ID)' })
  id!: string;

  @Field(() => String, { description: 'The strategy it runs (STRATEGY)' })
  name!: string;

  @Field(() => [NamedValueModel], {
    description: 'What it runs with, defaults filled in; each value as JSON text',
  })
  parameters!: NamedValueModel[];

  @Field(() => String, {
    description: 'running: enters and exits; paused: no new entries, exits still go out',
  })
  state!: StrategyState;

  @Field(() => String, { nullable: true, description: 'Why it was paused' })
  pausedReason!: string | null;

  @Field(() => String, { nullable: true, description: 'Who paused or resumed it last' })
  changedBy!: string | null;

  @Field(() => String, { description: 'When its engine last started (ISO 8601 UTC)' })
  startedAt!: string;

  @Field(() => String, { description: 'When its state last changed (ISO 8601 UTC)' })
  updatedAt!: string;
}

@ObjectType('RiskDecision', { description: "The risk manager's decision on a signal" })
export class RiskDecisionModel implements RiskDecisionView {
  @Field(() => Boolean)
  approved!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The rule that decided; null when all passed',
  })
  rule!: string | null;

  @Field(() => String, { description: 'The numbers the rule saw and its limit' })
  reason!: string;
}

@ObjectType('SignalFill', { description: "How far a signal's order got" })
export class SignalFillModel implements SignalFillView {
  @Field(() => String, { description: 'Base units filled so far' })
  filledAmount!: string;

  @Field(() => String, { nullable: true })
  averageFillPrice!: string | null;

  @Field(() => String, { description: 'Cumulative fee in USD' })
  feeUsd!: string;

  @Field(() => Int, { description: "The order's last applied event" })
  sequence!: number;
}

@ObjectType('StrategySignal', {
  description: 'A signal the engine acted on, with its indicators, risk decision and fill',
})
export class StrategySignalModel implements Omit<SignalView, 'indicators'> {
  @Field(() => String, { description: 'The client order id of its order (UUID)' })
  clientOrderId!: string;

  @Field(() => String)
  symbol!: string;

  @Field(() => String, { description: 'bid buys, ask sells' })
  side!: 'bid' | 'ask';

  @Field(() => String, { description: 'entry or exit' })
  intent!: 'entry' | 'exit';

  @Field(() => String, { description: 'What the strategy asked for, base units, unrounded' })
  size!: string;

  @Field(() => String, { nullable: true, description: 'Rounded to the lot; null below one lot' })
  amount!: string | null;

  @Field(() => String)
  price!: string;

  @Field(() => String, { nullable: true })
  stopLoss!: string | null;

  @Field(() => String, { nullable: true })
  takeProfit!: string | null;

  @Field(() => String)
  reason!: string;

  @Field(() => [NamedValueModel], { description: 'Indicator values it decided on' })
  indicators!: NamedValueModel[];

  @Field(() => String, { description: 'The candle it decided on (ISO 8601 UTC)' })
  bucketStart!: string;

  @Field(() => String, {
    description:
      'pending_risk (risk not answered yet), sent, rejected (by risk), below_lot or expired (risk did not answer within a candle)',
  })
  status!: SignalStatus;

  @Field(() => RiskDecisionModel, { nullable: true, description: 'Null when risk was not asked' })
  risk!: RiskDecisionModel | null;

  @Field(() => SignalFillModel, {
    nullable: true,
    description: "Null until its order's first event",
  })
  fill!: SignalFillModel | null;

  @Field(() => String, { description: 'ISO 8601 UTC' })
  createdAt!: string;
}

@ObjectType('StrategySignalsPage', { description: "A page of an instance's signals, newest first" })
export class StrategySignalsPageModel {
  @Field(() => String)
  strategyId!: string;

  @Field(() => [StrategySignalModel])
  signals!: StrategySignalModel[];

  @Field(() => String, {
    nullable: true,
    description: 'Pass as before for the next, older page; null on the last page',
  })
  nextBefore!: string | null;
}
