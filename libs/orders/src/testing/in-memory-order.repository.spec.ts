import { Order, type OrderRequest } from '../domain/order';
import { Position } from '../domain/position';
import { InMemoryOrderRepository, InMemoryPositionRepository } from './in-memory-order.repository';

const T0 = new Date('2026-01-15T12:00:00.000Z');
const request = (clientOrderId: string, symbol = 'BTC', strategyId = 'manual'): OrderRequest => ({
  clientOrderId,
  strategyId,
  symbol,
  side: 'bid',
  amount: '1',
  reduceOnly: false,
  paperTrading: true,
  orderType: 'limit',
  price: '100',
  tif: 'GTC',
  slippagePercent: null,
});

describe('InMemoryOrderRepository', () => {
  it('stores a clientOrderId once and keeps the events as the outbox would', async () => {
    const repository = new InMemoryOrderRepository();
    const first = Order.create(request('o-1'), T0);
    const replay = Order.create(request('o-1'), T0);

    expect(await repository.add({ ...first, position: null })).toBe(true);
    expect(await repository.add({ ...replay, position: null })).toBe(false);
    expect(repository.events).toHaveLength(1);
  });

  it('saves newer events and refuses a stale write', async () => {
    const repository = new InMemoryOrderRepository();
    const { order, events } = Order.create(request('o-1'), T0);
    await repository.add({ order, events, position: null });
    const stale = (await repository.findByClientOrderId('o-1'))!;
    await repository.save({
      order,
      events: order.open('ex-1', { cause: 'exchange', at: T0 }),
      position: null,
    });

    await expect(
      repository.save({
        order: stale,
        events: stale.cancel('late', { cause: 'admin', at: T0 }),
        position: null,
      }),
    ).rejects.toThrow(/stale/);
    expect((await repository.findWorking()).map((o) => o.status)).toEqual(['open']);
  });

  it('lists by filter, newest first, one page at a time', async () => {
    const repository = new InMemoryOrderRepository();
    for (const [i, symbol] of ['BTC', 'ETH', 'BTC', 'BTC'].entries()) {
      await repository.add({
        ...Order.create(request(`o-${i}`, symbol), new Date(T0.getTime() + i)),
        position: null,
      });
    }
    const page = await repository.list(
      { symbol: 'BTC', status: 'pending' },
      { limit: 2, offset: 0 },
    );

    expect([page.total, page.items.map((o) => o.request.clientOrderId)]).toEqual([
      3,
      ['o-3', 'o-2'],
    ]);
  });

  it('keeps paper and live positions apart and lists only open ones', async () => {
    const orders = new InMemoryOrderRepository();
    const positions = new InMemoryPositionRepository(orders);
    const { order, events } = Order.create(request('o-1'), T0);
    const long = Position.flat('BTC').apply({
      side: 'bid',
      amount: '1',
      price: '100',
      feeUsd: '0',
      at: T0,
    });
    await orders.add({ order, events, position: long });

    expect((await positions.find('BTC', true)).size.toFixed()).toBe('1');
    expect((await positions.find('BTC', false)).isFlat).toBe(true);
    expect(await positions.list(true)).toEqual([long.snapshot()]);
    expect(await positions.list(false)).toEqual([]);
  });
});
