import type { IEvent } from '@nestjs/cqrs';

import type { Timeframe } from '../../domain/timeframe';
import type { Candle } from '../queries/candle-read-model.port';

/** A candle's bucket has ended (plus the grace for late trades); `candle` is its final value. */
export class CandleClosedEvent implements IEvent {
  constructor(
    readonly symbol: string,
    readonly timeframe: Timeframe,
    readonly candle: Candle,
  ) {}
}
