import { Field, Int, ObjectType } from '@nestjs/graphql';

import type { BreakerState } from '../../domain/circuit-breaker';
import type { CircuitBreakerView } from '../http/orders.views';

@ObjectType('CircuitBreaker', {
  description: 'Whether orders may be sent, and who changed that, when and why',
})
export class CircuitBreakerModel implements CircuitBreakerView {
  @Field(() => String, {
    description:
      'closed: trading; open: tripped by failures; half_open: probing; halted: stopped by an admin',
  })
  state!: BreakerState;

  @Field(() => Int)
  consecutiveFailures!: number;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => String, { nullable: true, description: "The failures, or the admin's reason" })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'Who halted or resumed it' })
  changedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 UTC' })
  changedAt!: string | null;
}
