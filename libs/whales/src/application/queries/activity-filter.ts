import type { WhaleKind } from '../../domain/whale-candidate';
import type { ActivityFilter, ImpactFilter } from './whale-read-model.port';
import { WhalesQueryError } from './whales-query.errors';

export const DEFAULT_WHALE_LIMIT = 50;
export const MAX_WHALE_LIMIT = 500;
export const WHALE_KINDS: readonly WhaleKind[] = ['single', 'ladder'];

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
    input.symbol !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/.test(input.symbol)
      ? `symbol must be an exchange symbol like BTC or kBONK`
      : null,
    input.since !== undefined && Number.isNaN(input.since.getTime())
      ? 'since must be an ISO 8601 date-time'
      : null,
    input.minUsd !== undefined && !/^\d+(\.\d+)?$/.test(input.minUsd)
      ? 'minUsd must be a non-negative decimal like "100000"'
      : null,
    input.kind !== undefined && !(WHALE_KINDS as readonly string[]).includes(input.kind)
      ? `kind must be one of ${WHALE_KINDS.join(', ')}`
      : null,
    !(Number.isInteger(limit) && limit >= 1 && limit <= MAX_WHALE_LIMIT)
      ? `limit must be an integer from 1 to ${MAX_WHALE_LIMIT}`
      : null,
    !(Number.isInteger(offset) && offset >= 0) ? 'offset must be an integer >= 0' : null,
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
