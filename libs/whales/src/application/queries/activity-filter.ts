import { isSymbol, isUsableDate } from '@nexwave/core';

import type { WhaleKind } from '../../domain/whale-candidate';
import type { ActivityFilter, ImpactFilter } from './whale-read-model.port';
import { WhalesQueryError } from './whales-query.errors';

export const DEFAULT_WHALE_LIMIT = 50;
export const MAX_WHALE_LIMIT = 500;
/** Deep paging is refused well before the database's bigint limit (and before it gets slow). */
export const MAX_WHALE_OFFSET = 1_000_000;
export const WHALE_KINDS: readonly WhaleKind[] = ['single', 'ladder'];
/** A non-negative USD amount with at most 18 digits before and after the point. */
export const MIN_USD_PATTERN = /^\d{1,18}(\.\d{1,18})?$/;

export interface ActivityFilterInput {
  readonly symbol?: string;
  readonly since?: Date;
  readonly minUsd?: string;
  readonly kind?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** Checks the query parameters shared by REST and GraphQL; throws WhalesQueryError naming the bad one. */
export function activityFilter(input: ActivityFilterInput): ActivityFilter {
  const limit = input.limit ?? DEFAULT_WHALE_LIMIT;
  const offset = input.offset ?? 0;
  const problems = [
    input.symbol !== undefined && !isSymbol(input.symbol)
      ? `symbol must be an exchange symbol like BTC or kBONK`
      : null,
    input.since !== undefined && !isUsableDate(input.since)
      ? 'since must be an ISO 8601 date-time in years 1 to 9999'
      : null,
    input.minUsd !== undefined && !MIN_USD_PATTERN.test(input.minUsd)
      ? 'minUsd must be a non-negative decimal like "100000" (at most 18 digits each side)'
      : null,
    input.kind !== undefined && !(WHALE_KINDS as readonly string[]).includes(input.kind)
      ? `kind must be one of ${WHALE_KINDS.join(', ')}`
      : null,
    !(Number.isInteger(limit) && limit >= 1 && limit <= MAX_WHALE_LIMIT)
      ? `limit must be an integer from 1 to ${MAX_WHALE_LIMIT}`
      : null,
    !(Number.isInteger(offset) && offset >= 0 && offset <= MAX_WHALE_OFFSET)
      ? `offset must be an integer from 0 to ${MAX_WHALE_OFFSET}`
      : null,
  ].filter((problem): problem is string => problem !== null);
  if (problems.length > 0) {
    throw new WhalesQueryError('INVALID_QUERY', problems.join('; '));
  }
  return {
    symbol: input.symbol,
    since: input.since,
    minUsd: input.minUsd,
    kind: input.kind as WhaleKind | undefined,
    limit,
    offset,
  };
}

export function impactFilter(input: Pick<ActivityFilterInput, 'symbol' | 'since'>): ImpactFilter {
  const { symbol, since } = activityFilter({ symbol: input.symbol, since: input.since });
  return { symbol, since };
}
