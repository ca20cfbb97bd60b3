import { QueryFailedError, type Repository } from 'typeorm';

import { uuidv7 } from '@nexwave/core';

import {
  RiskDecisionRepository,
  type Page,
  type PageRequest,
  type SavedDecision,
} from '../../application/ports/risk-decision.repository.port';
import type { DailyLossSnapshot } from '../../domain/daily-loss';
import type { RiskDecision } from '../../domain/risk-manager';
import { RiskDailyLossEntity } from './risk-daily-loss.entity';
import { fromRiskDecisionRow, toRiskDecisionRow } from './risk-decision-row.mapper';
import { RiskDecisionEntity } from './risk-decision.entity';
import { UPSERT_DAILY_LOSS } from './risk.sql';

/** One decision per client_order_id (unique index); the day state upserted beside it. */
export class TypeOrmRiskDecisionRepository extends RiskDecisionRepository {
  constructor(
    private readonly decisions: Repository<RiskDecisionEntity>,
    private readonly days: Repository<RiskDailyLossEntity>,
  ) {
    super();
  }

  async findByClientOrderId(clientOrderId: string): Promise<RiskDecision | null> {
    const row = await this.decisions.findOneBy({ clientOrderId });
    return row ? fromRiskDecisionRow(row) : null;
  }

  async loadDailyLoss(strategyId: string): Promise<DailyLossSnapshot | null> {
    const row = await this.days.findOne({ where: { strategyId }, order: { utcDay: 'DESC' } });
    return row
      ? {
          utcDay: row.utcDay,
          startEquityUsd: row.startEquityUsd,
          startedAt: row.startedAt,
          stoppedAt: row.stoppedAt,
        }
      : null;
  }

  async save(decision: RiskDecision, dailyLoss: DailyLossSnapshot | null): Promise<SavedDecision> {
    try {
      await this.decisions.manager.transaction(async (manager) => {
        await manager.insert(
          RiskDecisionEntity,
          toRiskDecisionRow(uuidv7(decision.decidedAt.getTime()), decision),
        );
        if (dailyLoss !== null) {
          await manager.query(UPSERT_DAILY_LOSS, [
            decision.strategyId,
            dailyLoss.utcDay,
            dailyLoss.startEquityUsd,
            dailyLoss.startedAt,
            dailyLoss.stoppedAt,
          ]);
        }
      });
      return { decision, created: true };
    } catch (error) {
      if (!isUniqueViolation(error, 'risk_decisions_client_order_id_key')) {
        throw error;
      }
      const stored = await this.findByClientOrderId(decision.clientOrderId);
      if (!stored) {
        throw error;
      }
      return { decision: stored, created: false };
    }
  }

  async listByStrategy(strategyId: string, page: PageRequest): Promise<Page<RiskDecision>> {
    const [rows, total] = await this.decisions.findAndCount({
      where: { strategyId },
      order: { decidedAt: 'DESC', id: 'DESC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items: rows.map(fromRiskDecisionRow), total };
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError =
    error instanceof QueryFailedError
      ? (error.driverError as { code?: string; constraint?: string })
      : undefined;
  return driverError?.code === '23505' && driverError.constraint === constraint;
}
