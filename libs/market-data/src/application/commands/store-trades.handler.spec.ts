import { HARNESS_NOW, tick, tickWriterHarness } from '../../testing/tick-writer-harness';
import { TradesStoredEvent } from '../events/trades-stored.event';
import { StoreTradesCommand } from './store-trades.command';
import { StoreTradesHandler } from './store-trades.handler';

describe('StoreTradesHandler', () => {
  it('stores the trades through the writer, which tells each stored batch with its backfilled window', async () => {
    const { writer, store, stored } = tickWriterHarness();
    const handler = new StoreTradesHandler(writer);

    await handler.execute(
      new StoreTradesCommand([
        tick('1', '2026-03-01T11:00:00Z'),
        tick('2', '2026-03-01T11:00:01Z'),
      ]),
    );
    await writer.flush();
    await handler.execute(
      new StoreTradesCommand([
        tick('2', '2026-03-01T11:00:01Z'),
        tick('0', '2026-03-01T10:59:00Z', 'backfill'),
        tick('-1', '2026-03-01T10:58:00Z', 'backfill'),
      ]),
    );
    await writer.flush();

    expect(store.ticks.map((t) => t.tradeId)).toEqual(['1', '2', '0', '-1']);
    expect(stored).toEqual([
      new TradesStoredEvent(2, 0, null, HARNESS_NOW),
      new TradesStoredEvent(
        2,
        1,
        { from: new Date('2026-03-01T10:58:00Z'), to: new Date('2026-03-01T10:59:00Z') },
        HARNESS_NOW,
      ),
    ]);
  });
});
