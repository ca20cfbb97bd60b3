import { CommandBus } from '@nestjs/cqrs';
import { MessagePattern, Payload } from '@nestjs/microservices';

import {
  MessageConsumer,
  Topics,
  type RiskCheckReplyV1,
  type RiskCheckV1,
} from '@nexwave/messaging';

import { CheckOrderRiskCommand } from '../../application/commands/check-order-risk.command';
import { toRiskCheckReplyV1, toRiskOrder, toRiskPortfolio } from './risk-check.messages';

/**
 * risk.checks.v1 (request/reply): each proposed order goes to CheckOrderRiskCommand and the stored
 * decision is the reply. A malformed request never reaches here: the pipeline dead-letters it.
 */
@MessageConsumer()
export class RiskChecksConsumer {
  constructor(private readonly commands: CommandBus) {}

  @MessagePattern(Topics.RiskChecks)
  async onCheck(@Payload() check: RiskCheckV1): Promise<RiskCheckReplyV1> {
    const decision = await this.commands.execute(
      new CheckOrderRiskCommand(toRiskOrder(check), toRiskPortfolio(check)),
    );
    return toRiskCheckReplyV1(decision);
  }
}
