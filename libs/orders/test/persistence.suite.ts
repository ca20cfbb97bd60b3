import { randomUUID } from 'node:crypto';

import { InvalidMessageError, orderEventV1Schema, type OrderEventV1 } from '@nexwave/messaging';

import {
  BreakerRepository,
  CircuitBreaker,
  Order,
  OrderRepository,
  OrdersError,
  Position,
  PositionRepository,
  StaleOrderWriteError,
  StalePositionWriteError,
  type OrderChangeSet,
  type OrderRequest,
} from '../src';

/** The orders storage one test works on: repositories plus what a test reads behind them. */
export interface OrderStorage {
  readonly orders: OrderRepository;
  readonly positions: PositionRepository;
  readonly breaker: BreakerRepository;
  /** The payloads stored for publishing on orders.events.v1 (the outbox), oldest first. */
  published(): Promise<unknown[]>;
  /** How many orders, events, fills and positions are stored. */
  stored(): Promise<{ orders: number; events: number; fills: number; positions: number }>;
}

export interface OrderStorageHarness {
  /** Empty storage. */
  open(): Promise<OrderStorage>;
  /** New repositories over the storage `open` returned last, as after a restart. */
  reopen(): Promise<OrderStorage>;
}

const T0 = new Date('2026-01-15T12:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

function request(overrides: Partial<OrderRequest> = {}): OrderRequest {
  return {
    clientOrderId: randomUUID(),
    strategyId: 'manual',
    symbol: 'BTC',
    side: 'bid',
    amount: '2',
    reduceOnly: false,
    paperTrading: true,
    orderType: 'limit',
    price: '100',
    tif: 'GTC',
    slippagePercent: null,
    ...overrides,
  } as OrderRequest;
}

const fill = (fillId: string, amount: string, price: string, ms: number) => ({
  fillId,
  amount,
  price,
  feeUsd: '0.05',
  liquidity: 'taker' as const,
  at: at(ms),
});

/** A new order filled at once (as the paper exchange may fill it), with the position it moves. */
function filledAtOnce(
  base: Position,
  overrides: Partial<OrderRequest>,
  price: string,
  ms: number,
): OrderChangeSet {
  const created = Order.create(request(overrides), at(ms));
  const { order } = created;
  const executed = fill(`f-${order.clientOrderId}`, order.request.amount, price, ms);
  const events = [
    ...created.events,
    ...order.open(`ex-${order.clientOrderId}`, { cause: 'paper', at: at(ms) }),
    ...order.applyFill(executed, 'paper'),
  ];
  const position = base.apply({ side: order.request.side, ...executed });
  return { order, events, position };
}

/**
 * The behaviour every OrderRepository, PositionRepository and BreakerRepository shares: run over
 * the in-memory fakes and over the TypeORM repositories on the embedded TimescaleDB, so the fakes
 * handler specs use behave like what runs in production.
 */
export function orderStorageContract(harness: () => OrderStorageHarness): void {
  let storage: OrderStorage;

  beforeEach(async () => {
    storage = await harness().open();
  });

  const published = async (): Promise<OrderEventV1[]> =>
    (await storage.published()).map((payload) => orderEventV1Schema.parse(payload));

  it('stores an order once per clientOrderId, also after a restart', async () => {
    const first = Order.create(request(), T0);
    expect(await storage.orders.add({ ...first, position: null })).toBe(true);

    const restarted = await harness().reopen();
    const replay = Order.create(first.order.request, at(5));
    expect(await restarted.orders.add({ ...replay, position: null })).toBe(false);

    expect(await restarted.stored()).toEqual({ orders: 1, events: 1, fills: 0, positions: 0 });
    const stored = await restarted.orders.findByClientOrderId(first.order.clientOrderId);
    expect(stored?.snapshot()).toEqual(first.order.snapshot());
    expect((await restarted.published()).length).toBe(1);
  });

  it('stores one order when the same clientOrderId is added twice at once', async () => {
    const order = request();
    const results = await Promise.all([
      storage.orders.add({ ...Order.create(order, T0), position: null }),
      storage.orders.add({ ...Order.create(order, T0), position: null }),
    ]);

    expect(results.sort()).toEqual([false, true]);
    expect(await storage.stored()).toEqual({ orders: 1, events: 1, fills: 0, positions: 0 });
  });

  it('stores the order, its events, fills, position and one outbox message per event', async () => {
    const { order, events } = Order.create(request({ amount: '2' }), T0);
    await storage.orders.add({ order, events, position: null });
    const opened = order.open('ex-1', { cause: 'exchange', at: at(1) });
    const filled = [
      ...order.applyFill(fill('f-1', '0.5', '100', 2), 'exchange'),
      ...order.applyFill(fill('f-2', '1.5', '104', 3), 'exchange'),
    ];
    const position = Position.flat('BTC')
      .apply({ side: 'bid', amount: '0.5', price: '100', feeUsd: '0.05', at: at(2) })
      .apply({ side: 'bid', amount: '1.5', price: '104', feeUsd: '0.05', at: at(3) });
    await storage.orders.save({ order, events: [...opened, ...filled], position });

    const stored = await storage.orders.findByClientOrderId(order.clientOrderId);
    expect(stored?.snapshot()).toEqual(order.snapshot());
    expect(stored?.averageFillPrice?.toFixed()).toBe('103');
    expect((await storage.positions.find('BTC', true)).snapshot()).toEqual(position.snapshot());
    expect(await storage.stored()).toEqual({ orders: 1, events: 4, fills: 2, positions: 1 });
    expect(
      (await published()).map((m) => [
        m.event,
        m.sequence,
        m.cause,
        m.filledAmount,
        m.lastFillPrice,
      ]),
    ).toEqual([
      ['accepted', 0, 'request', '0', null],
      ['opened', 1, 'exchange', '0', null],
      ['partially_filled', 2, 'exchange', '0.5', '100'],
      ['filled', 3, 'exchange', '2', '104'],
    ]);
  });

  it('refuses a stale save with StaleOrderWriteError and keeps the stored order', async () => {
    const { order, events } = Order.create(request(), T0);
    await storage.orders.add({ order, events, position: null });
    const stale = (await storage.orders.findByClientOrderId(order.clientOrderId))!;
    await storage.orders.save({
      order,
      events: order.open('ex-1', { cause: 'exchange', at: at(1) }),
      position: null,
    });

    const late = storage.orders.save({
      order: stale,
      events: stale.cancel('late cancel', { cause: 'admin', at: at(2) }),
      position: null,
    });
    await expect(late).rejects.toBeInstanceOf(StaleOrderWriteError);
    await expect(late).rejects.toMatchObject({ storedSequence: 1, attemptedSequence: 1 });
    expect((await storage.orders.findWorking()).map((o) => o.status)).toEqual(['open']);
    expect(await storage.stored()).toMatchObject({ events: 2 });
  });

  it('refuses to save an order that was never added', async () => {
    const { order } = Order.create(request(), T0);
    const save = storage.orders.save({
      order,
      events: order.open('ex-1', { cause: 'exchange', at: at(1) }),
      position: null,
    });

    await expect(save).rejects.toBeInstanceOf(OrdersError);
    await expect(save).rejects.toMatchObject({ code: 'ORDER_NOT_FOUND' });
  });

  it('writes nothing when the change fails midway (a message the contract refuses)', async () => {
    // The domain takes any strategy id; orders.events.v1 refuses one over 64 characters. The order
    // row, its fill and its position are written before the messages, so it fails mid-transaction.
    const change = filledAtOnce(Position.flat('BTC'), { strategyId: 'x'.repeat(65) }, '100', 0);

    await expect(storage.orders.add(change)).rejects.toBeInstanceOf(InvalidMessageError);
    expect(await storage.stored()).toEqual({ orders: 0, events: 0, fills: 0, positions: 0 });
    expect(await storage.published()).toEqual([]);
  });

  it('refuses a position read before another order moved it, and writes nothing of it', async () => {
    const first = filledAtOnce(Position.flat('BTC'), { amount: '1' }, '100', 0);
    const second = filledAtOnce(Position.flat('BTC'), { amount: '2' }, '110', 1);
    await storage.orders.add(first);

    await expect(storage.orders.add(second)).rejects.toBeInstanceOf(StalePositionWriteError);
    expect(await storage.stored()).toEqual({ orders: 1, events: 3, fills: 1, positions: 1 });
    expect((await storage.positions.find('BTC', true)).snapshot()).toEqual(
      first.position?.snapshot(),
    );
    const retried = filledAtOnce(
      await storage.positions.find('BTC', true),
      { amount: '2' },
      '110',
      1,
    );
    await storage.orders.add(retried);
    expect((await storage.positions.find('BTC', true)).size.toFixed()).toBe('3');
  });

  it('lists by status, symbol and strategy, newest first, one page at a time', async () => {
    const rows: [string, string][] = [
      ['BTC', 'alpha'],
      ['ETH', 'alpha'],
      ['BTC', 'beta'],
      ['BTC', 'alpha'],
      ['BTC', 'alpha'],
    ];
    const ids: string[] = [];
    for (const [i, [symbol, strategyId]] of rows.entries()) {
      const created = Order.create(request({ symbol, strategyId }), at(i * 1_000));
      ids.push(created.order.clientOrderId);
      await storage.orders.add({ ...created, position: null });
    }
    const canceled = (await storage.orders.findByClientOrderId(ids[4]))!;
    await storage.orders.save({
      order: canceled,
      events: canceled.cancel('by hand', { cause: 'admin', at: at(9_000) }),
      position: null,
    });
    const list = async (filter: object, offset = 0) => {
      const page = await storage.orders.list(filter, { limit: 2, offset });
      return [page.total, page.items.map((o) => ids.indexOf(o.request.clientOrderId))];
    };

    expect(await list({})).toEqual([5, [4, 3]]);
    expect(await list({}, 4)).toEqual([5, [0]]);
    expect(await list({ symbol: 'BTC', strategyId: 'alpha' })).toEqual([3, [4, 3]]);
    expect(await list({ symbol: 'BTC', strategyId: 'alpha' }, 2)).toEqual([3, [0]]);
    expect(await list({ status: 'pending', symbol: 'BTC' })).toEqual([3, [3, 2]]);
    expect(await list({ status: 'canceled' })).toEqual([1, [4]]);
    expect(await list({ strategyId: 'gamma' })).toEqual([0, []]);
  });

  it('finds the orders the exchange may still work on, with their fills', async () => {
    const statuses: string[] = [];
    for (const [i, move] of ['pending', 'open', 'partial', 'unknown', 'filled'].entries()) {
      const { order, events } = Order.create(request(), at(i));
      await storage.orders.add({ order, events, position: null });
      const change = { cause: 'exchange' as const, at: at(10 + i) };
      const next =
        move === 'pending'
          ? []
          : move === 'unknown'
            ? order.markUnknown('no ack within 5 s', change)
            : [
                ...order.open(`ex-${i}`, change),
                ...(move === 'partial'
                  ? order.applyFill(fill(`f-${i}`, '1', '100', 20), 'exchange')
                  : []),
                ...(move === 'filled'
                  ? order.applyFill(fill(`f-${i}`, '2', '100', 20), 'exchange')
                  : []),
              ];
      if (next.length > 0) {
        await storage.orders.save({ order, events: next, position: null });
      }
      statuses.push(order.status);
    }

    const working = await storage.orders.findWorking();
    expect(working.map((o) => o.status).sort()).toEqual(['open', 'partially_filled', 'unknown']);
    const partial = working.find((o) => o.status === 'partially_filled')!;
    expect(partial.snapshot().fillIds).toEqual(['f-2']);
    // A fill already stored is recognised after the reload: no event, nothing to write.
    expect(partial.applyFill(fill('f-2', '1', '100', 20), 'reconciliation')).toEqual([]);
    expect(statuses).toEqual(['pending', 'open', 'partially_filled', 'unknown', 'filled']);
  });

  it('keeps paper and live positions apart and lists only open ones', async () => {
    const paperBtc = filledAtOnce(Position.flat('BTC'), { symbol: 'BTC', amount: '1' }, '100', 0);
    const short = { symbol: 'ETH', side: 'ask', amount: '3' } as const;
    const paperEth = filledAtOnce(Position.flat('ETH'), short, '10', 1);
    const closeEth = filledAtOnce(paperEth.position!, { ...short, side: 'bid' }, '9', 2);
    const liveEth = filledAtOnce(Position.flat('ETH'), { ...short, paperTrading: false }, '10', 3);
    for (const change of [paperBtc, paperEth, closeEth, liveEth]) {
      await storage.orders.add(change);
    }

    expect((await storage.positions.find('BTC', true)).snapshot()).toEqual(
      paperBtc.position?.snapshot(),
    );
    expect((await storage.positions.find('BTC', false)).isFlat).toBe(true);
    const closed = (await storage.positions.find('ETH', true)).snapshot();
    expect(closed).toMatchObject({ size: '0', entryPrice: null, realisedPnlUsd: '3' });
    expect(await storage.positions.list(true)).toEqual([paperBtc.position?.snapshot()]);
    expect(await storage.positions.list(false)).toEqual([liveEth.position?.snapshot()]);
  });

  it('round-trips the breaker state and keeps every transition as the audit trail', async () => {
    expect(await storage.breaker.load()).toEqual(CircuitBreaker.create().snapshot());
    const breaker = CircuitBreaker.create({ failureThreshold: 2, coolDownMs: 1_000 });
    const trail = [
      ...breaker.recordFailure('HTTP 503', at(1)),
      ...breaker.recordFailure('timeout', at(2)),
    ];
    await storage.breaker.save(breaker.snapshot(), trail);
    const halted = breaker.halt('exchange maintenance', 'admin-key-1', at(3));
    await storage.breaker.save(breaker.snapshot(), halted);

    const restarted = await harness().reopen();
    expect(await restarted.breaker.load()).toEqual(breaker.snapshot());
    expect(trail.map((t) => [t.from, t.to])).toEqual([['closed', 'open']]);
    expect(await restarted.breaker.recentTransitions(10)).toEqual([...halted, ...trail]);
    expect(await restarted.breaker.recentTransitions(1)).toEqual([halted[0]]);
    expect(halted[0]).toMatchObject({
      from: 'open',
      to: 'halted',
      by: 'admin-key-1',
      reason: 'exchange maintenance',
    });
  });
}
