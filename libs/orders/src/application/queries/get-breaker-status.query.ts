import { Query } from '@nestjs/cqrs';

import type { BreakerSnapshot } from '../../domain/circuit-breaker';

/** The circuit breaker's state, with who changed it, when and why. */
export class GetBreakerStatusQuery extends Query<BreakerSnapshot> {}
