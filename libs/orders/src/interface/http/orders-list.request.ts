import { isSymbol } from '@nexwave/core';

import type { OrderFilter, PageRequest } from '../../application/ports/order.repository.port';
import { ORDER_STATUSES, type OrderStatus } from '../../domain/order-status';
import { OrdersApiError } from './orders-api.errors';

export const DEFAULT_ORDERS_LIMIT = 50;
export const MAX_ORDERS_LIMIT = 500;
/** Deep paging is refused well before it gets slow. */
export const MAX_ORDERS_OFFSET = 1_000_000;
export const MAX_STRATEGY_ID_LENGTH = 64;

export interface OrdersListInput {
  readonly status?: string;
  readonly symbol?: string;
  readonly strategyId?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** Checks the list parameters shared by REST and GraphQL; throws INVALID_REQUEST naming each bad one. */
export function ordersListRequest(input: OrdersListInput): {
  filter: OrderFilter;
  page: PageRequest;
} {
  const limit = input.limit ?? DEFAULT_ORDERS_LIMIT;
  const offset = input.offset ?? 0;
  const { status, symbol, strategyId } = input;
  const problems = [
    status !== undefined && !(ORDER_STATUSES as readonly string[]).includes(status)
      ? `status must be one of ${ORDER_STATUSES.join(', ')}`
      : null,
    symbol !== undefined && !isSymbol(symbol)
      ? 'symbol must be an exchange symbol like BTC or kBONK'
      : null,
    strategyId !== undefined &&
    (strategyId.length === 0 || strategyId.length > MAX_STRATEGY_ID_LENGTH)
      ? `strategyId must be 1 to ${MAX_STRATEGY_ID_LENGTH} characters`
      : null,
    !(Number.isInteger(limit) && limit >= 1 && limit <= MAX_ORDERS_LIMIT)
      ? `limit must be an integer from 1 to ${MAX_ORDERS_LIMIT}`
      : null,
    !(Number.isInteger(offset) && offset >= 0 && offset <= MAX_ORDERS_OFFSET)
      ? `offset must be an integer from 0 to ${MAX_ORDERS_OFFSET}`
      : null,
  ].filter((problem): problem is string => problem !== null);
  if (problems.length > 0) {
    throw new OrdersApiError('INVALID_REQUEST', problems.join('; '));
  }
  return {
    filter: { status: status as OrderStatus | undefined, symbol, strategyId },
    page: { limit, offset },
  };
}
