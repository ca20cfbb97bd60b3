import { Logger } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';

import { requesterOf, RequireRole, type AuthenticatedRequest } from '@nexwave/auth';

import { GetBreakerStatusQuery } from '../../application/queries/get-breaker-status.query';
import { OrdersApiError } from '../http/orders-api.errors';
import { OrdersCommandSender } from '../http/orders-command.sender';
import { circuitBreakerView, type CircuitBreakerView } from '../http/orders.views';
import { CircuitBreakerModel } from './circuit-breaker.model';

const MAX_REASON_LENGTH = 500;

/** The circuit breaker over GraphQL (REST /api/v1/admin/circuit-breaker). */
@Resolver(() => CircuitBreakerModel)
@RequireRole('admin')
export class CircuitBreakerResolver {
  private readonly logger = new Logger(CircuitBreakerResolver.name);

  constructor(
    private readonly queryBus: QueryBus,
    private readonly commands: OrdersCommandSender,
  ) {}

  @Query(() => CircuitBreakerModel, { description: 'The circuit breaker: state, who, when, why' })
  async circuitBreaker(): Promise<CircuitBreakerView> {
    return circuitBreakerView(await this.queryBus.execute(new GetBreakerStatusQuery()));
  }

  @Mutation(() => CircuitBreakerModel, { description: 'Stop all order submission until resumed' })
  async haltTrading(
    @Args('reason', { description: `Why, 1 to ${MAX_REASON_LENGTH} characters` }) reason: string,
    @Context('req') req: AuthenticatedRequest,
  ): Promise<CircuitBreakerView> {
    await this.commands.halt(checkedReason(reason), requesterOf(req));
    return this.circuitBreaker();
  }

  @Mutation(() => CircuitBreakerModel, { description: 'Lift a halt' })
  async resumeTrading(
    @Args('reason', {
      type: () => String,
      nullable: true,
      description: 'Why (kept in the audit trail)',
    })
    reason: string | null | undefined,
    @Context('req') req: AuthenticatedRequest,
  ): Promise<CircuitBreakerView> {
    // Omitted, GraphQL passes undefined; given as null, null.
    const why = typeof reason === 'string' ? checkedReason(reason) : null;
    const requestedBy = requesterOf(req);
    await this.commands.resume(requestedBy, why);
    this.logger.warn({ requestedBy, reason: why }, 'trading resumed');
    return this.circuitBreaker();
  }
}

function checkedReason(reason: string): string {
  if (reason.length === 0 || reason.length > MAX_REASON_LENGTH) {
    throw new OrdersApiError(
      'INVALID_REQUEST',
      `reason must be 1 to ${MAX_REASON_LENGTH} characters`,
    );
  }
  return reason;
}
