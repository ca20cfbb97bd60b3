import { randomUUID } from 'node:crypto';

import { Decimal } from '@nexwave/core';
import { until } from '@nexwave/core/testing';
import {
  ExchangeRejectedError,
  ExchangeUnavailableError,
  PacificaExchangeAdapter,
  type ExchangeFill,
  type OrderUpdate,
  type OrderUpdateSubscription,
} from '@nexwave/orders';
import {
  PacificaRestClient,
  PacificaWsClient,
  RequestSigner,
  SolanaKeypair,
} from '@nexwave/pacifica';
import { startPacificaSim, type PacificaSim } from '@nexwave/pacifica-sim/testing';

import { limit, market } from './live-order-requests';

interface Connected {
  adapter: PacificaExchangeAdapter;
  rest: PacificaRestClient;
  updates: OrderUpdate[];
  subscription: OrderUpdateSubscription;
}

/**
 * The live adapter against the Pacifica simulator over real HTTP and WS: each test trades on a
 * fresh (funded) account; fills and statuses arrive on the account streams.
 */
describe('PacificaExchangeAdapter <-> pacifica-sim', () => {
  let sim: PacificaSim;
  const open: Connected[] = [];

  beforeAll(async () => {
    sim = await startPacificaSim({ port: 0, seed: 21, bookIntervalMs: 0 });
  });

  afterEach(async () => {
    sim.clearFaults();
    await Promise.all(
      open.splice(0).map((c) => c.subscription.close().then(() => c.adapter.close())),
    );
  });

  afterAll(() => sim.stop());

  async function connect(options: { timeoutMs?: number } = {}): Promise<Connected> {
    const signer = new RequestSigner(SolanaKeypair.generate(), { expiryWindowMs: 200 });
    const rest = new PacificaRestClient({
      baseUrl: sim.url,
      signer,
      timeoutMs: options.timeoutMs ?? 5_000,
      retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
    });
    const ws = new PacificaWsClient({
      url: sim.wsUrl,
      bookStaleAfterMs: 0,
      reconnect: { baseDelayMs: 10, maxDelayMs: 50 },
    });
    const adapter = new PacificaExchangeAdapter(rest, ws, signer.account);
    const updates: OrderUpdate[] = [];
    const subscription = await adapter.subscribe((update) => updates.push(update));
    const connected = { adapter, rest, updates, subscription };
    open.push(connected);
    return connected;
  }

  const fillsOf = (updates: OrderUpdate[], clientOrderId: string): ExchangeFill[] =>
    updates.flatMap((u) =>
      u.kind === 'fill' && u.fill.clientOrderId === clientOrderId ? [u.fill] : [],
    );
  const statusesOf = (updates: OrderUpdate[], clientOrderId: string): string[] =>
    updates.flatMap((u) =>
      u.kind === 'status' && u.clientOrderId === clientOrderId ? [u.status] : [],
    );
  const total = (fills: ExchangeFill[]): Decimal =>
    fills.reduce((sum, f) => sum.plus(f.amount), new Decimal(0));

  async function markOf(rest: PacificaRestClient, symbol: string): Promise<Decimal> {
    return new Decimal((await rest.getPrices()).find((p) => p.symbol === symbol)!.mark);
  }

  it('market order: acknowledged, filled on the account stream, the same fills in the history, a position and the account', async () => {
    const { adapter, updates } = await connect();
    const since = new Date(Date.now() - 1_000);
    const request = market('ETH', 'bid', '2');

    const ack = await adapter.place(request);

    await until(
      () => total(fillsOf(updates, request.clientOrderId)).eq(2),
      'the fills of the market order',
    );
    const pushed = fillsOf(updates, request.clientOrderId);
    expect(pushed.every((f) => f.exchangeOrderId === ack.exchangeOrderId && f.side === 'bid')).toBe(
      true,
    );
    expect(pushed.every((f) => f.liquidity === 'taker' && new Decimal(f.feeUsd).gt(0))).toBe(true);
    expect(await adapter.fillsSince(since)).toEqual(pushed);
    expect(await adapter.openOrders()).toEqual([]);
    const [position, ...others] = await adapter.positions();
    expect([position.symbol, new Decimal(position.size).toFixed(), others]).toEqual([
      'ETH',
      '2',
      [],
    ]);
    const account = await adapter.account();
    expect(new Decimal(account.balanceUsd).lt(100_000)).toBe(true);
    expect(new Decimal(account.equityUsd).gt(0)).toBe(true);
    expect(new Decimal(account.availableToSpendUsd).lt(account.equityUsd)).toBe(true);
  });

  it('limit order: rests (open), fills partly when the market comes to it, then cancels by client order id', async () => {
    const { adapter, rest, updates } = await connect();
    const price = (await markOf(rest, 'BTC')).minus(20);
    const request = limit('BTC', 'bid', price.toFixed(), '4');

    const ack = await adapter.place(request);
    await until(
      () => statusesOf(updates, request.clientOrderId).includes('open'),
      'the open status',
    );
    expect(await adapter.openOrders()).toEqual([
      expect.objectContaining({
        exchangeOrderId: ack.exchangeOrderId,
        clientOrderId: request.clientOrderId,
        side: 'bid',
      }),
    ]);
    expect(new Decimal((await adapter.openOrders())[0].filledAmount).isZero()).toBe(true);

    sim.moveMid('BTC', price.minus(5).toFixed());
    sim.tick();
    await until(() => fillsOf(updates, request.clientOrderId).length > 0, 'a partial fill');
    const filled = total(fillsOf(updates, request.clientOrderId));
    expect(filled.gt(0) && filled.lt(4)).toBe(true);
    expect(fillsOf(updates, request.clientOrderId)[0]).toMatchObject({
      liquidity: 'maker',
      price: price.toFixed(),
    });

    await adapter.cancel({
      symbol: 'BTC',
      clientOrderId: request.clientOrderId,
      exchangeOrderId: null,
    });
    await until(
      () => statusesOf(updates, request.clientOrderId).includes('canceled'),
      'the cancel',
    );
    expect(await adapter.openOrders()).toEqual([]);
  });

  it('cancels by exchange order id and cancels all, per symbol or everywhere', async () => {
    const { adapter, rest } = await connect();
    const btc = await markOf(rest, 'BTC');
    const eth = await markOf(rest, 'ETH');
    const first = await adapter.place(limit('BTC', 'bid', btc.minus(500).toFixed(), '0.01'));
    await adapter.place(limit('BTC', 'bid', btc.minus(600).toFixed(), '0.01'));
    await adapter.place(limit('ETH', 'ask', eth.plus(100).toFixed(), '0.1'));

    await adapter.cancel({
      symbol: 'BTC',
      clientOrderId: randomUUID(),
      exchangeOrderId: first.exchangeOrderId,
    });
    expect((await adapter.openOrders()).map((o) => o.symbol).sort()).toEqual(['BTC', 'ETH']);
    expect(await adapter.cancelAll('BTC')).toBe(1);
    expect(await adapter.cancelAll(null)).toBe(1);
    expect(await adapter.openOrders()).toEqual([]);
  });

  it('maps refusals to ExchangeRejectedError: one the SDK refuses before sending, one the exchange refuses', async () => {
    const { adapter } = await connect();
    const tooSmall = adapter.place(market('BTC', 'bid', '0.00000001'));
    await expect(tooSmall).rejects.toBeInstanceOf(ExchangeRejectedError);
    await expect(tooSmall).rejects.toMatchObject({ code: 'AMOUNT_BELOW_LOT' });

    sim.addFault({
      mode: 'reject',
      path: '/orders/create',
      count: 1,
      message: 'Insufficient balance',
      code: 3,
    });
    const refused = adapter.place(market('BTC', 'bid', '0.01'));
    await expect(refused).rejects.toBeInstanceOf(ExchangeRejectedError);
    await expect(refused).rejects.toMatchObject({
      code: '3',
      reason: expect.stringContaining('Insufficient balance') as unknown,
    });
    expect(await adapter.openOrders()).toEqual([]);
  });

  it('maps a 5xx storm and a hung exchange to ExchangeUnavailableError, sending no order', async () => {
    const { adapter } = await connect({ timeoutMs: 300 });
    sim.addFault({ mode: 'error', path: '/orders/create' });
    for (const request of [market('BTC', 'bid', '0.01'), market('ETH', 'ask', '0.5')]) {
      await expect(adapter.place(request)).rejects.toBeInstanceOf(ExchangeUnavailableError);
    }
    sim.clearFaults();
    sim.addFault({ mode: 'hang', path: '/account' });
    await expect(adapter.account()).rejects.toBeInstanceOf(ExchangeUnavailableError);
    sim.clearFaults();
    expect(await adapter.openOrders()).toEqual([]);
    expect(await adapter.fillsSince(new Date(0))).toEqual([]);
  });

  it('an answer lost after the exchange placed the order: the retry finds it by client order id, one order', async () => {
    const { adapter, rest } = await connect();
    const request = limit('SOL', 'ask', (await markOf(rest, 'SOL')).plus(20).toFixed(), '1');
    sim.addFault({ mode: 'error', path: '/orders/create', count: 1, afterApply: true });

    const ack = await adapter.place(request);

    const working = await adapter.openOrders();
    expect(working.map((o) => [o.exchangeOrderId, o.clientOrderId])).toEqual([
      [ack.exchangeOrderId, request.clientOrderId],
    ]);
    expect((await rest.getOrderHistory()).items).toHaveLength(1);
  });
});
