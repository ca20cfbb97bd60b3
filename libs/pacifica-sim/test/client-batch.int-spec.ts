import { randomUUID } from 'node:crypto';

import {
  ExchangeUnavailableError,
  PacificaOrderError,
  signBatch,
  type BatchAction,
  type LimitOrderParams,
} from '@nexwave/pacifica';
import { startPacificaSim, type PacificaSim } from '@nexwave/pacifica-sim/testing';

import { newTraderClient, type Trader } from './client-harness';
import { SimTestClient, WsProbe } from './sim-test-client';

/** `PacificaRestClient.batch` and `cancelReplace` against the simulator's `/orders/batch`. */
describe('PacificaRestClient <-> pacifica-sim (batch)', () => {
  let sim: PacificaSim;
  let api: SimTestClient;

  beforeAll(async () => {
    sim = await startPacificaSim({ port: 0, seed: 5, bookIntervalMs: 0 });
    api = new SimTestClient(sim.url);
  });

  afterAll(() => sim.stop());

  // Far below the market: rests without filling.
  const bid = (price: string, clientOrderId?: string): LimitOrderParams => ({
    symbol: 'SOL',
    side: 'bid',
    price,
    amount: '1',
    tif: 'GTC',
    reduceOnly: false,
    clientOrderId,
  });
  const create = (params: LimitOrderParams): BatchAction => ({ type: 'Create', params });
  const openIds = async (trader: Trader) =>
    (await trader.client.getOpenOrders()).items.map((o) => o.orderId).sort((a, b) => a - b);

  it('places a batch of creates, rounded to tick and lot like single orders', async () => {
    const trader = newTraderClient(sim);
    const cloids = [randomUUID(), randomUUID(), randomUUID()];
    const results = await trader.client.batch([
      create({ ...bid('90.0049', cloids[0]), amount: '1.23456' }),
      create(bid('91', cloids[1])),
      create(bid('92', cloids[2])),
    ]);
    expect(results).toEqual(
      cloids.map(() => ({
        success: true,
        orderId: expect.any(Number) as number,
        recovered: false,
      })),
    );
    const open = (await trader.client.getOpenOrders()).items;
    expect(open.map((o) => o.clientOrderId).sort()).toEqual([...cloids].sort());

    const single = newTraderClient(sim);
    await single.client.createLimitOrder({ ...bid('90.0049'), amount: '1.23456' });
    const [reference] = (await single.client.getOpenOrders()).items;
    const rounded = open.find((o) => o.clientOrderId === cloids[0])!;
    expect([rounded.price, rounded.initialAmount]).toEqual([
      reference.price,
      reference.initialAmount,
    ]);
    expect(rounded.price).not.toBe('90.0049');
  });

  it('reports a failed middle action and still executes the last one', async () => {
    const trader = newTraderClient(sim);
    const [first, failed, last] = await trader.client.batch([
      create(bid('93')),
      { type: 'Cancel', params: { symbol: 'SOL', orderId: 999_999_999 } },
      create(bid('94')),
    ]);
    expect(failed).toEqual({ success: false, error: 'Order not found', code: 5 });
    expect(first).toMatchObject({ success: true });
    expect(last).toMatchObject({ success: true });
    const ids = [first, last].map((r) => (r.success ? r.orderId : null));
    expect(await openIds(trader)).toEqual(ids);
  });

  it('rejects the whole batch with a 400 when one action has a bad signature', async () => {
    const trader = newTraderClient(sim);
    const market = await trader.client.getMarket('SOL');
    const payload = { symbol: market.symbol, price: '95', reduce_only: false, amount: '1' };
    const body = signBatch(trader.signer, [
      { type: 'Create', payload: { ...payload, side: 'bid', tif: 'GTC' } },
      { type: 'Create', payload: { ...payload, side: 'bid', tif: 'ALO' } },
    ]);
    // A well-formed signature, but of the other action's message.
    body.actions[1].data['signature'] = body.actions[0].data['signature'];
    const answer = await api.post('/orders/batch', body);
    expect(answer).toMatchObject({ status: 400, body: { error: 'Verification failed' } });
    expect(await openIds(trader)).toEqual([]);
  });

  it('refuses 11 actions: the client before sending, the simulator with a 400', async () => {
    const trader = newTraderClient(sim);
    const eleven = Array.from({ length: 11 }, (_, i) => create(bid(String(80 + i))));
    const attempt = trader.client.batch(eleven);
    await expect(attempt).rejects.toBeInstanceOf(PacificaOrderError);
    await expect(attempt).rejects.toMatchObject({ code: 'BATCH_TOO_LARGE' });

    const raw = Array.from({ length: 11 }, (_, i) =>
      trader.signer.sign('create_order', {
        symbol: 'SOL',
        price: String(80 + i),
        reduce_only: false,
        amount: '1',
        side: 'bid',
        tif: 'GTC',
      }),
    );
    const answer = await api.post('/orders/batch', {
      actions: raw.map((data) => ({ type: 'Create', data })),
    });
    expect(answer.status).toBe(400);
    expect(await openIds(trader)).toEqual([]);
  });

  it('cancel-replace leaves exactly the new order open', async () => {
    const trader = newTraderClient(sim);
    const cloid = randomUUID();
    const { orderId } = await trader.client.createLimitOrder(bid('90', cloid));
    const replacement = randomUUID();
    const { cancel, create: created } = await trader.client.cancelReplace({
      cancel: { symbol: 'SOL', clientOrderId: cloid },
      create: bid('91', replacement),
    });
    expect(cancel).toEqual({ success: true, orderId: null, recovered: false });
    expect(created).toMatchObject({ success: true });
    const open = (await trader.client.getOpenOrders()).items;
    expect(open).toEqual([expect.objectContaining({ clientOrderId: replacement, price: '91.00' })]);
    expect(open[0].orderId).not.toBe(orderId);
  });

  it('after a lost answer, an idempotent batch is recovered by client_order_id: nothing doubled', async () => {
    const trader = newTraderClient(sim, { signer: { expiryWindowMs: 300 } });
    const old = await trader.client.createLimitOrder(bid('90'));
    const cloid = randomUUID();
    sim.addFault({ mode: 'error', path: '/orders/batch', count: 1, afterApply: true });
    const [cancel, created] = await trader.client.batch([
      { type: 'Cancel', params: { symbol: 'SOL', orderId: old.orderId } },
      create(bid('91', cloid)),
    ]);
    expect(cancel).toEqual({ success: true, orderId: null, recovered: true });
    expect(created).toMatchObject({ success: true, recovered: true });
    const open = (await trader.client.getOpenOrders()).items;
    expect(open).toEqual([expect.objectContaining({ clientOrderId: cloid })]);
    expect(created.success && created.orderId).toBe(open[0].orderId);
  });

  it('after a lost answer, a batch with a create without client_order_id is not resent', async () => {
    const trader = newTraderClient(sim, { signer: { expiryWindowMs: 300 } });
    sim.addFault({ mode: 'error', path: '/orders/batch', count: 1, afterApply: true });
    await expect(trader.client.batch([create(bid('90'))])).rejects.toBeInstanceOf(
      ExchangeUnavailableError,
    );
    expect(await openIds(trader)).toHaveLength(1);
  });

  it('resends an idempotent batch refused with a 429, once it is allowed', async () => {
    const trader = newTraderClient(sim);
    sim.addFault({ mode: 'error', path: '/orders/batch', count: 1, status: 429 });
    const [created] = await trader.client.batch([create(bid('90', randomUUID()))]);
    expect(created).toMatchObject({ success: true, recovered: false });
    expect(await openIds(trader)).toEqual([created.success && created.orderId]);
  });

  it('answers the WebSocket batch_orders operation with the per-action results', async () => {
    const trader = newTraderClient(sim);
    const body = signBatch(trader.signer, [
      {
        type: 'Create',
        payload: {
          symbol: 'SOL',
          price: '90',
          reduce_only: false,
          amount: '1',
          side: 'bid',
          tif: 'GTC',
        },
      },
      { type: 'Cancel', payload: { symbol: 'SOL', order_id: 999_999_999 } },
    ]);
    const ws = await WsProbe.open(sim.wsUrl);
    ws.send({ id: 'batch-1', params: { batch_orders: body } });
    const reply = await ws.next<{ results: unknown[] }>((m) => m['id'] === 'batch-1');
    expect(reply).toMatchObject({ code: 200, type: 'batch_orders' });
    expect(reply.data.results).toEqual([
      { success: true, order_id: expect.any(Number) as number },
      { success: false, error: 'Order not found', code: 5 },
    ]);
    await ws.close();
    expect(await openIds(trader)).toHaveLength(1);
  });
});
