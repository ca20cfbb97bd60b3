import { Injectable } from '@nestjs/common';
import { ofType, Saga, type IEvent } from '@nestjs/cqrs';
import { filter, map, type Observable } from 'rxjs';

import { RefreshCandlesCommand } from '../commands/refresh-candles.command';
import { TradesStoredEvent } from '../events/trades-stored.event';

@Injectable()
export class MarketDataSaga {
  /**
   * Backfilled trades land in buckets the aggregates may already have materialized, where
   * real-time aggregation does not look: those candles are refreshed at once.
   */
  @Saga()
  backfillRefreshesCandles = (events$: Observable<IEvent>): Observable<RefreshCandlesCommand> =>
    events$.pipe(
      ofType(TradesStoredEvent),
      filter((event) => event.backfilled !== null && event.stored > 0),
      map((event) => new RefreshCandlesCommand(event.storedAt, event.backfilled!.from)),
    );
}
