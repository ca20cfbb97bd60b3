import { StrategyApiError } from './strategy-api.errors';

export const DEFAULT_TRADES_LIMIT = 50;
export const MAX_TRADES_LIMIT = 500;

/** The trades page size shared by REST and GraphQL; INVALID_REQUEST when out of bounds. */
export function tradesLimit(limit: number | undefined): number {
  const checked = limit ?? DEFAULT_TRADES_LIMIT;
  if (!(Number.isInteger(checked) && checked >= 1 && checked <= MAX_TRADES_LIMIT)) {
    throw new StrategyApiError(
      'INVALID_REQUEST',
      `limit must be an integer from 1 to ${MAX_TRADES_LIMIT}`,
    );
  }
  return checked;
}
