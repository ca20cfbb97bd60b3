import { Query } from '@nestjs/cqrs';

import type { PositionSnapshot } from '../../domain/position';

/** The positions that are not flat, paper or live. */
export class GetPositionsQuery extends Query<PositionSnapshot[]> {
  constructor(readonly paperTrading: boolean) {
    super();
  }
}
