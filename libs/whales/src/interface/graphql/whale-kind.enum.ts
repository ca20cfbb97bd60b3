import { registerEnumType } from '@nestjs/graphql';

import { WHALE_KINDS } from '../../application/queries/activity-filter';
import type { WhaleKind } from '../../domain/whale-candidate';

/** Whale kinds as a GraphQL enum whose values are the stored names (SINGLE -> 'single'). */
export const WhaleKindEnum: Readonly<Record<string, WhaleKind>> = Object.fromEntries(
  WHALE_KINDS.map((kind) => [kind.toUpperCase(), kind]),
);

registerEnumType(WhaleKindEnum, {
  name: 'WhaleKind',
  description: 'SINGLE: one large resting order; LADDER: several levels placed together',
});
