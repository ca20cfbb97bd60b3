import { Query } from '@nestjs/cqrs';

import type { CandleRequestInput } from '../../domain/candle-request';
import type { Candle } from './candle-read-model.port';

/** Candles of one symbol and timeframe, newest first. Throws CandlesError on bad input. */
export class GetCandlesQuery extends Query<Candle[]> {
  constructor(readonly input: CandleRequestInput) {
    super();
  }
}
