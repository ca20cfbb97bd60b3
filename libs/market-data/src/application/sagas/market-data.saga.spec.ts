import type { IEvent } from '@nestjs/cqrs';
import { firstValueFrom, from, toArray } from 'rxjs';

import { RefreshCandlesCommand } from '../commands/refresh-candles.command';
import { TradesStoredEvent } from '../events/trades-stored.event';
import { MarketDataSaga } from './market-data.saga';

const NOW = new Date('2026-03-01T12:00:00Z');
const WINDOW = { from: new Date('2026-03-01T10:58:00Z'), to: new Date('2026-03-01T10:59:00Z') };

describe('MarketDataSaga', () => {
  it('refreshes candles from the oldest backfilled trade, for stored backfills only', async () => {
    const events: IEvent[] = [
      new TradesStoredEvent(5, 0, null, NOW),
      new TradesStoredEvent(3, 0, WINDOW, NOW),
      new TradesStoredEvent(0, 3, WINDOW, NOW),
    ];

    const commands = await firstValueFrom(
      new MarketDataSaga().backfillRefreshesCandles(from(events)).pipe(toArray()),
    );

    expect(commands).toEqual([new RefreshCandlesCommand(NOW, WINDOW.from)]);
  });
});
