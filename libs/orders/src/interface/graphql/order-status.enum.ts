import { registerEnumType } from '@nestjs/graphql';

import { ORDER_STATUSES, type OrderStatus } from '../../domain/order-status';

/** Order statuses as a GraphQL enum whose values are the stored names (PARTIALLY_FILLED -> 'partially_filled'). */
export const OrderStatusEnum: Readonly<Record<string, OrderStatus>> = Object.fromEntries(
  ORDER_STATUSES.map((status) => [status.toUpperCase(), status]),
);

registerEnumType(OrderStatusEnum, {
  name: 'OrderStatus',
  description:
    'PENDING until the exchange answers; OPEN resting; PARTIALLY_FILLED; FILLED, CANCELED, REJECTED, EXPIRED are final; UNKNOWN: its fate is not known yet (reconciliation settles it)',
});
