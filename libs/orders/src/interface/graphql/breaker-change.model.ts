import { Field, Int, ObjectType } from '@nestjs/graphql';

import type { BreakerChangedV1 } from '@nexwave/messaging';

import type { BreakerState } from '../../domain/circuit-breaker';

@ObjectType('CircuitBreakerChange', {
  description: 'One change of the circuit breaker as orders.breaker.v1 carries it: who, when, why',
})
export class BreakerChangeModel implements BreakerChangedV1 {
  @Field(() => String, { description: 'closed, open, half_open or halted' })
  from!: BreakerState;

  @Field(() => String, { description: 'closed, open, half_open or halted' })
  to!: BreakerState;

  @Field(() => String, { description: 'ISO 8601 UTC' })
  at!: string;

  @Field(() => String, { description: "The failures, or the admin's reason" })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Who halted or resumed it; null if automatic',
  })
  by!: string | null;

  @Field(() => Int)
  consecutiveFailures!: number;
}
