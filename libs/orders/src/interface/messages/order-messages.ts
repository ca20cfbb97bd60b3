import type { OrderCommandReplyV1, OrderRequestV1 } from '@nexwave/messaging';

import type { BreakerSnapshot } from '../../domain/circuit-breaker';
import type { OrderRequest } from '../../domain/order';
import { truncateReason } from '../../infrastructure/persistence/order-event.message';

/** A strategy's request as the domain takes it (metadata is the strategy's own and not kept). */
export function toOrderRequest({ metadata: _metadata, ...request }: OrderRequestV1): OrderRequest {
  return request;
}

export function breakerReply(snapshot: BreakerSnapshot): OrderCommandReplyV1 {
  return {
    outcome: 'breaker',
    state: snapshot.state,
    reason: snapshot.reason === null ? null : truncateReason(snapshot.reason),
    changedBy: snapshot.changedBy,
    changedAt: snapshot.changedAt?.toISOString() ?? null,
    consecutiveFailures: snapshot.consecutiveFailures,
  };
}
