import { isUuid } from '@nexwave/core';

import type { StrategySignalsRequest } from '../../application/queries/get-strategy-signals.query';
import { StrategyApiError } from './strategy-api.errors';

export const DEFAULT_SIGNALS_LIMIT = 50;
export const MAX_SIGNALS_LIMIT = 500;
export const MAX_REASON_LENGTH = 500;

export interface StrategySignalsInput {
  readonly limit?: number;
  readonly before?: string;
  readonly since?: string;
}

/** Checks the signals page parameters shared by REST and GraphQL; INVALID_REQUEST names each bad one. */
export function strategySignalsRequest(input: StrategySignalsInput): StrategySignalsRequest {
  const limit = input.limit ?? DEFAULT_SIGNALS_LIMIT;
  const since = input.since === undefined ? undefined : new Date(input.since);
  const problems = [
    !(Number.isInteger(limit) && limit >= 1 && limit <= MAX_SIGNALS_LIMIT)
      ? `limit must be an integer from 1 to ${MAX_SIGNALS_LIMIT}`
      : null,
    input.before !== undefined && !isUuid(input.before.toLowerCase())
      ? 'before must be the clientOrderId (a UUID) of a signal'
      : null,
    since !== undefined && Number.isNaN(since.getTime())
      ? 'since must be an ISO 8601 date-time'
      : null,
  ].filter((problem): problem is string => problem !== null);
  if (problems.length > 0) {
    throw new StrategyApiError('INVALID_REQUEST', problems.join('; '));
  }
  return {
    limit,
    ...(input.before === undefined ? {} : { before: input.before.toLowerCase() }),
    ...(since === undefined ? {} : { since }),
  };
}

/** A pause or resume reason: optional, 1 to 500 characters when given. */
export function checkedReason(reason: string | null | undefined): string | null {
  if (reason === null || reason === undefined) {
    return null;
  }
  if (reason.length === 0 || reason.length > MAX_REASON_LENGTH) {
    throw new StrategyApiError(
      'INVALID_REQUEST',
      `reason must be 1 to ${MAX_REASON_LENGTH} characters`,
    );
  }
  return reason;
}
