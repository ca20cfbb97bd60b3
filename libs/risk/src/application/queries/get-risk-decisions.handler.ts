import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';

import type { RiskDecision } from '../../domain/risk-manager';
import { RiskDecisionRepository, type Page } from '../ports/risk-decision.repository.port';
import { GetRiskDecisionsQuery } from './get-risk-decisions.query';

@QueryHandler(GetRiskDecisionsQuery)
export class GetRiskDecisionsHandler implements IQueryHandler<
  GetRiskDecisionsQuery,
  Page<RiskDecision>
> {
  constructor(private readonly decisions: RiskDecisionRepository) {}

  execute({ strategyId, page }: GetRiskDecisionsQuery): Promise<Page<RiskDecision>> {
    return this.decisions.listByStrategy(strategyId, page);
  }
}
