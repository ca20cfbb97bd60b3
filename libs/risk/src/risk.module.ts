import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';

import { RISK_ENTITIES } from './infrastructure/persistence/risk.entities';
import { RISK_PROVIDERS } from './infrastructure/risk.providers';
import { RiskChecksConsumer } from './interface/messages/risk-checks.consumer';

/**
 * The risk bounded context: proposed orders arrive as risk.checks.v1 requests, each is checked by
 * CheckOrderRiskCommand, stored with every rule's numbers and answered with the decision.
 */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature(RISK_ENTITIES)],
  controllers: [RiskChecksConsumer],
  providers: RISK_PROVIDERS,
})
export class RiskModule {}
