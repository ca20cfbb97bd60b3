import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { RiskLimits } from '../../domain/risk-limits';
import type { RuleDecision } from '../../domain/risk-manager';
import type { OrderIntent, RiskSide } from '../../domain/risk-order';
import type { RiskRuleName } from '../../domain/rules/rule-decision';

/** A row of `risk_decisions` (migrations 1795600096000, 1795600097000): one per client order id; numerics as strings. */
@Entity({ name: 'risk_decisions' })
@Index('risk_decisions_strategy_id_decided_at_idx', { synchronize: false })
@Index('risk_decisions_client_order_id_key', { synchronize: false })
@Check('risk_decisions_side_check', `side IN ('bid', 'ask')`)
@Check('risk_decisions_intent_check', `intent IN ('entry', 'exit')`)
@Check('risk_decisions_checked_as_check', `checked_as IN ('entry', 'exit')`)
@Check(
  'risk_decisions_failed_rule_check',
  `failed_rule IN ('daily_loss', 'order_size', 'position_limit', 'leverage')`,
)
@Check('risk_decisions_approved_check', `approved = (failed_rule IS NULL)`)
export class RiskDecisionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'strategy_id', type: 'text' })
  strategyId!: string;

  @Column({ name: 'client_order_id', type: 'uuid' })
  clientOrderId!: string;

  @Column({ type: 'text' })
  symbol!: string;

  @Column({ type: 'text' })
  side!: RiskSide;

  @Column({ type: 'text' })
  intent!: OrderIntent;

  @Column({ name: 'checked_as', type: 'text' })
  checkedAs!: OrderIntent;

  @Column({ type: 'numeric' })
  amount!: string;

  @Column({ type: 'numeric' })
  price!: string;

  @Column({ type: 'boolean' })
  approved!: boolean;

  @Column({ name: 'failed_rule', type: 'text', nullable: true })
  failedRule!: RiskRuleName | null;

  @Column({ type: 'text' })
  reason!: string;

  /** Each checked rule's decision with the numbers it saw, in check order. */
  @Column({ type: 'jsonb' })
  rules!: RuleDecision[];

  @Column({ type: 'jsonb' })
  limits!: RiskLimits;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;
}
