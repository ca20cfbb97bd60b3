import { EntityManager } from 'typeorm';

import { TradeV1 } from '../contracts';
import { InvalidMessageError } from '../messaging.errors';
import { INSERT_OUTBOX_MESSAGE } from '../messaging.sql';
import { Topics } from '../topics';
import { OutboxWriter } from './outbox-writer';

const trade: TradeV1 = {
  symbol: 'ETH',
  tradeId: '1039482771',
  price: '3321.45',
  size: '1.2034',
  side: 'ask',
  time: '2026-01-15T11:59:59.871Z',
};

/** The caller's transaction; outbox-inbox.int-spec.ts runs the statement on the database. */
class RecordingManager {
  readonly queries: [string, unknown[]][] = [];

  query(sql: string, parameters: unknown[]): Promise<unknown> {
    this.queries.push([sql, parameters]);
    return Promise.resolve([]);
  }
}

describe('OutboxWriter', () => {
  it('inserts the sealed envelope as a row of the caller’s transaction: id, topic, key and the JSON envelope', async () => {
    const manager = new RecordingManager();

    const envelope = await new OutboxWriter().write(
      manager as unknown as EntityManager,
      Topics.MarketDataTrades,
      trade,
    );

    expect(envelope).toMatchObject({ type: 'marketdata.trades', v: 1, key: 'ETH', payload: trade });
    expect(manager.queries).toEqual([
      [
        INSERT_OUTBOX_MESSAGE,
        [envelope.id, Topics.MarketDataTrades, 'ETH', JSON.stringify(envelope)],
      ],
    ]);
  });

  it('passes the publish options on to the envelope', async () => {
    const manager = new RecordingManager();

    const envelope = await new OutboxWriter().write(
      manager as unknown as EntityManager,
      Topics.MarketDataTrades,
      trade,
      { key: 'ETH-2', causedBy: { id: 'cause', correlationId: 'chain' } },
    );

    expect(envelope).toMatchObject({ key: 'ETH-2', causationId: 'cause', correlationId: 'chain' });
    expect(manager.queries[0][1][2]).toBe('ETH-2');
  });

  it('writes nothing for an invalid payload', async () => {
    const manager = new RecordingManager();

    await expect(
      new OutboxWriter().write(manager as unknown as EntityManager, Topics.MarketDataTrades, {
        ...trade,
        price: '-1',
      }),
    ).rejects.toThrow(InvalidMessageError);
    expect(manager.queries).toEqual([]);
  });
});
