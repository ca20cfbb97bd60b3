import { Order, type Fill, type OrderChange, type OrderRequest } from './order';
import type { OrderStatus } from './order-status';
import { OrdersError } from './orders.errors';

const T0 = new Date('2026-01-15T12:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const exchange = (seconds = 1): OrderChange => ({ cause: 'exchange', at: at(seconds) });

const limit: OrderRequest = {
  clientOrderId: '3f1c9a2e-8b7d-4e6f-a5b4-c3d2e1f0a9b8',
  strategyId: 'mean-reversion',
  symbol: 'BTC',
  side: 'bid',
  amount: '3',
  reduceOnly: false,
  paperTrading: true,
  orderType: 'limit',
  price: '101',
  tif: 'GTC',
  slippagePercent: null,
};

const fill = (fillId: string, amount: string, price: string, feeUsd = '0.01'): Fill => ({
  fillId,
  amount,
  price,
  feeUsd,
  liquidity: 'maker',
  at: at(2),
});

function orderIn(status: OrderStatus): Order {
  const { order } = Order.create(limit, T0);
  const steps: Record<OrderStatus, (o: Order) => unknown> = {
    pending: () => [],
    open: (o) => o.open('ex-1', exchange()),
    partially_filled: (o) => o.applyFill(fill('f-0', '1', '100'), 'exchange'),
    filled: (o) => o.applyFill(fill('f-0', '3', '100'), 'exchange'),
    canceled: (o) => o.cancel('requested', exchange()),
    rejected: (o) => o.reject('insufficient margin', exchange()),
    expired: (o) => o.expire(exchange()),
    unknown: (o) => o.markUnknown('no ack after 5 s', { cause: 'request', at: at(5) }),
  };
  steps[status](order);
  return order;
}

describe('Order', () => {
  it('is created pending with an accepted event of sequence 0 caused by the request', () => {
    const { order, events } = Order.create(limit, T0);

    expect(order.status).toBe('pending');
    expect(events).toEqual([
      expect.objectContaining({
        type: 'accepted',
        sequence: 0,
        cause: 'request',
        at: T0,
        fill: null,
      }),
    ]);
    expect(events[0].order.status).toBe('pending');
    expect(order.snapshot()).toEqual({
      request: limit,
      status: 'pending',
      exchangeOrderId: null,
      filledAmount: '0',
      filledNotionalUsd: '0',
      feeUsd: '0',
      reason: null,
      sequence: 0,
      fillIds: [],
      createdAt: T0,
      updatedAt: T0,
    });
  });

  it.each([
    ['a zero amount', { amount: '0' }],
    ['a non-decimal amount', { amount: 'lots' }],
    ['a limit without a positive price', { price: '0' }],
    ['an empty clientOrderId', { clientOrderId: '' }],
    ['an empty strategyId', { strategyId: '' }],
    ['an empty symbol', { symbol: '' }],
    ['an infinite amount', { amount: 'Infinity' }],
  ])('refuses to create an order with %s', (_name, change) => {
    expect(() => Order.create({ ...limit, ...change }, T0)).toThrow(
      expect.objectContaining({ code: 'INVALID_ORDER' }) as OrdersError,
    );
  });

  it('creates a market order with a slippage bound and no price', () => {
    const market: OrderRequest = {
      ...limit,
      orderType: 'market',
      price: null,
      tif: null,
      slippagePercent: '0.5',
    };
    expect(Order.create(market, T0).order.status).toBe('pending');
  });

  it('says what is wrong with a refused request', () => {
    expect(() => Order.create({ ...limit, symbol: '' }, T0)).toThrow(
      `order ${limit.clientOrderId}: clientOrderId, strategyId and symbol are required`,
    );
    expect(() => Order.create({ ...limit, amount: '-1' }, T0)).toThrow(
      'amount must be a positive decimal, got -1',
    );
    expect(() => Order.create({ ...limit, price: '0' }, T0)).toThrow(
      'a limit order needs a positive price, got 0',
    );
    expect(() =>
      Order.create(
        { ...limit, orderType: 'market', price: null, tif: null, slippagePercent: '0' },
        T0,
      ),
    ).toThrow('a market order needs a positive slippage, got 0');
    expect(() => orderIn('pending').open('', exchange())).toThrow(
      expect.objectContaining({
        message: `order ${limit.clientOrderId}: an exchange order id is required`,
        details: { clientOrderId: limit.clientOrderId },
      }) as OrdersError,
    );
    expect(() => orderIn('pending').cancel(' ', exchange())).toThrow('a reason is required');
  });

  it('refuses a market order without slippage', () => {
    const market: OrderRequest = {
      ...limit,
      orderType: 'market',
      price: null,
      tif: null,
      slippagePercent: '0',
    };
    expect(() => Order.create(market, T0)).toThrow(
      expect.objectContaining({ code: 'INVALID_ORDER' }) as OrdersError,
    );
  });

  it('walks pending -> open -> partially_filled -> filled, one sequence number per event', () => {
    const { order } = Order.create(limit, T0);
    const events = [
      ...order.open('ex-1', exchange()),
      ...order.applyFill(fill('f-1', '1', '100', '0.015'), 'exchange'),
      ...order.applyFill(fill('f-2', '2', '101', '0.0303'), 'exchange'),
    ];

    expect(events.map((e) => [e.type, e.sequence, e.order.status])).toEqual([
      ['opened', 1, 'open'],
      ['partially_filled', 2, 'partially_filled'],
      ['filled', 3, 'filled'],
    ]);
    expect(order.exchangeOrderId).toBe('ex-1');
    expect(order.filledAmount.toFixed()).toBe('3');
    expect(order.snapshot().filledNotionalUsd).toBe('302');
    expect(order.averageFillPrice!.toFixed(10)).toBe('100.6666666667');
    expect(order.feeUsd.toFixed()).toBe('0.0453');
    expect(events[1].fill).toEqual(fill('f-1', '1', '100', '0.015'));
  });

  it('keeps decimal sums exact where floats would drift', () => {
    const { order } = Order.create({ ...limit, amount: '0.3' }, T0);
    order.applyFill(fill('f-1', '0.1', '0.1', '0.1'), 'paper');
    order.applyFill(fill('f-2', '0.2', '0.2', '0.2'), 'paper');

    expect([order.status, order.snapshot().filledAmount, order.snapshot().feeUsd]).toEqual([
      'filled',
      '0.3',
      '0.3',
    ]);
    expect(order.snapshot().filledNotionalUsd).toBe('0.05');
  });

  it('ignores a fill it already applied, returning no event', () => {
    const order = orderIn('open');
    order.applyFill(fill('f-1', '1', '100'), 'exchange');

    expect(order.applyFill(fill('f-1', '1', '100'), 'reconciliation')).toEqual([]);
    expect([order.filledAmount.toFixed(), order.sequence]).toEqual(['1', 2]);
  });

  it('ignores a replayed fill even once the order is filled', () => {
    const order = orderIn('filled');
    expect(order.applyFill(fill('f-0', '3', '100'), 'exchange')).toEqual([]);
  });

  it('refuses an overfill and changes nothing', () => {
    const order = orderIn('partially_filled');
    expect(() => order.applyFill(fill('f-9', '2.5', '100'), 'exchange')).toThrow(
      expect.objectContaining({
        code: 'OVERFILL',
        message: `order ${limit.clientOrderId}: fill f-9 of 2.5 exceeds the remaining 2`,
        details: { clientOrderId: limit.clientOrderId, fillId: 'f-9', remaining: '2' },
      }) as OrdersError,
    );
    expect([order.status, order.filledAmount.toFixed(), order.sequence]).toEqual([
      'partially_filled',
      '1',
      1,
    ]);
  });

  it.each([
    ['a zero amount', { amount: '0' }],
    ['a negative price', { price: '-1' }],
    ['a negative fee', { feeUsd: '-0.01' }],
    ['a non-decimal price', { price: 'abc' }],
    ['a non-decimal fee', { feeUsd: 'free' }],
    ['an infinite price', { price: 'Infinity' }],
  ])('refuses a fill with %s', (_name, change) => {
    expect(() =>
      orderIn('open').applyFill({ ...fill('f-1', '1', '100'), ...change }, 'exchange'),
    ).toThrow(expect.objectContaining({ code: 'INVALID_FILL' }) as OrdersError);
  });

  it('says which fill was refused', () => {
    expect(() => orderIn('open').applyFill(fill('f-1', '0', '100'), 'exchange')).toThrow(
      expect.objectContaining({
        message: `order ${limit.clientOrderId}: fill f-1 needs a positive amount and price and a fee >= 0`,
        details: { clientOrderId: limit.clientOrderId, fillId: 'f-1' },
      }) as OrdersError,
    );
  });

  it('takes a fill without a fee', () => {
    const order = orderIn('open');
    order.applyFill(fill('f-1', '1', '100', '0'), 'exchange');
    expect([order.status, order.feeUsd.toFixed()]).toEqual(['partially_filled', '0']);
  });

  it('has no average fill price before its first fill', () => {
    expect(orderIn('open').averageFillPrice).toBeNull();
  });

  it('keeps the acknowledged exchange order id when a fill names another', () => {
    const order = orderIn('open');
    order.applyFill(fill('f-1', '1', '100'), 'reconciliation', 'ex-7');
    expect(order.exchangeOrderId).toBe('ex-1');
  });

  it('has no exchange order id after a fill that names none on an order never acknowledged', () => {
    const order = orderIn('pending');
    const [event] = order.applyFill(fill('f-1', '1', '100'), 'paper');
    expect(event.order.exchangeOrderId).toBeNull();
  });

  it('learns the exchange order id from a fill found by reconciliation', () => {
    const order = orderIn('unknown');
    const [event] = order.applyFill(fill('f-1', '3', '100'), 'reconciliation', 'ex-7');

    expect([event.type, event.cause, order.exchangeOrderId]).toEqual([
      'filled',
      'reconciliation',
      'ex-7',
    ]);
  });

  type Act = [name: string, act: (o: Order) => unknown];
  const acts: Act[] = [
    ['open', (o) => o.open('ex-2', exchange(3))],
    ['fill', (o) => o.applyFill(fill('f-new', '1', '100'), 'exchange')],
    ['cancel', (o) => o.cancel('requested', exchange(3))],
    ['reject', (o) => o.reject('bad', exchange(3))],
    ['expire', (o) => o.expire(exchange(3))],
    ['markUnknown', (o) => o.markUnknown('timeout', exchange(3))],
  ];
  const legal: Record<OrderStatus, string[]> = {
    pending: ['open', 'fill', 'cancel', 'reject', 'expire', 'markUnknown'],
    open: ['fill', 'cancel', 'expire', 'markUnknown'],
    partially_filled: ['fill', 'cancel', 'expire', 'markUnknown'],
    unknown: ['open', 'fill', 'cancel', 'reject', 'expire'],
    filled: [],
    canceled: [],
    rejected: [],
    expired: [],
  };
  const cases = (Object.keys(legal) as OrderStatus[]).flatMap((status) =>
    acts.map(([name, act]) => [status, name, act, legal[status].includes(name)] as const),
  );

  it.each(cases.filter(([, , , allowed]) => allowed))(
    'from %s, %s is allowed',
    (status, _name, act) => {
      const order = orderIn(status);
      const before = order.sequence;

      expect(act(order)).toHaveLength(1);
      expect(order.sequence).toBe(before + 1);
    },
  );

  it.each(cases.filter(([, , , allowed]) => !allowed))(
    'from %s, %s is refused',
    (status, _name, act) => {
      const order = orderIn(status);
      const before = order.snapshot();

      expect(() => act(order)).toThrow(
        expect.objectContaining({
          code: 'ILLEGAL_TRANSITION',
          details: expect.objectContaining({ from: status }) as object,
        }) as OrdersError,
      );
      expect(order.snapshot()).toBe(before);
    },
  );

  it('records the cause and reason of every correction', () => {
    const order = orderIn('unknown');
    const [event] = order.cancel('not on the exchange', { cause: 'reconciliation', at: at(60) });

    expect([event.type, event.cause, event.at, event.order.reason, event.order.updatedAt]).toEqual([
      'canceled',
      'reconciliation',
      at(60),
      'not on the exchange',
      at(60),
    ]);
  });

  it.each([
    ['cancel', (o: Order) => o.cancel(' ', exchange())],
    ['reject', (o: Order) => o.reject('', exchange())],
    ['markUnknown', (o: Order) => o.markUnknown('', exchange())],
    ['open', (o: Order) => o.open('', exchange())],
  ])('refuses %s without its reason or id', (_name, act) => {
    expect(() => act(orderIn('pending'))).toThrow(
      expect.objectContaining({ code: 'INVALID_ORDER' }) as OrdersError,
    );
  });

  it('restores from its snapshot and carries on the sequence', () => {
    const stored = orderIn('partially_filled').snapshot();
    const order = Order.restore(stored);
    const [event] = order.applyFill(fill('f-1', '2', '103'), 'exchange');

    expect([event.type, event.sequence, order.averageFillPrice!.toFixed()]).toEqual([
      'filled',
      2,
      '102',
    ]);
    expect(order.applyFill(fill('f-0', '1', '100'), 'exchange')).toEqual([]);
  });

  describe('adopt (an order on the exchange we did not place)', () => {
    const adopt = (reason: string | null = null) =>
      Order.adopt({ ...limit, strategyId: 'external' }, 'ex-9', T0, reason, at(90));

    it('records it accepted then opened by reconciliation, placed when the exchange placed it', () => {
      const { order, events } = adopt();

      expect(events.map((e) => [e.type, e.sequence, e.cause, e.at])).toEqual([
        ['accepted', 0, 'reconciliation', at(90)],
        ['opened', 1, 'reconciliation', at(90)],
      ]);
      expect(order.snapshot()).toMatchObject({
        status: 'open',
        exchangeOrderId: 'ex-9',
        filledAmount: '0',
        filledNotionalUsd: '0',
        feeUsd: '0',
        fillIds: [],
        reason: null,
        createdAt: T0,
        updatedAt: at(90),
      });
    });

    it('keeps what is missing as its reason and takes later fills like any order', () => {
      const { order } = adopt('1 filled on the exchange without reported fills');
      const [event] = order.applyFill(fill('f-1', '2', '100'), 'exchange');

      expect([event.type, event.sequence, order.snapshot().reason]).toEqual([
        'partially_filled',
        2,
        '1 filled on the exchange without reported fills',
      ]);
    });

    it('refuses a malformed request or a missing exchange id', () => {
      expect(() => Order.adopt({ ...limit, amount: '0' }, 'ex-9', T0, null, at(90))).toThrow(
        expect.objectContaining({ code: 'INVALID_ORDER' }) as OrdersError,
      );
      expect(() => Order.adopt(limit, '', T0, null, at(90))).toThrow(
        expect.objectContaining({ code: 'INVALID_ORDER' }) as OrdersError,
      );
    });
  });
});
