import { Query } from '@nestjs/cqrs';

import type { RiskDecision } from '../../domain/risk-manager';
import type { Page, PageRequest } from '../ports/risk-decision.repository.port';

/** A strategy's risk decisions, newest first, one page. */
export class GetRiskDecisionsQuery extends Query<Page<RiskDecision>> {
  constructor(
    readonly strategyId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}
