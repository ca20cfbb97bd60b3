import { randomUUID } from 'node:crypto';

import { startPacificaSim, type PacificaSim } from '@nexwave/pacifica-sim/testing';

import { newTrader, SimTestClient, WsProbe } from './sim-test-client';

interface OrderView {
  order_id: number;
  client_order_id: string | null;
  price: string;
  initial_amount: string;
  filled_amount: string;
}

describe('pacifica-sim trading (real HTTP and WS)', () => {
  let sim: PacificaSim;
  let api: SimTestClient;

  beforeAll(async () => {
    sim = await startPacificaSim({ port: 0, seed: 11, bookIntervalMs: 0 });
    api = new SimTestClient(sim.url);
  });

  afterAll(() => sim.stop());

  it('fills a market order and shows it in /positions and /trades/history', async () => {
    const { keypair, signer } = newTrader();
    const cloid = randomUUID();
    const created = await api.signed<{ order_id: number }>(
      signer,
      '/orders/create_market',
      'create_market_order',
      {
        symbol: 'ETH',
        reduce_only: false,
        amount: '1.5',
        side: 'bid',
        slippage_percent: '0.5',
        client_order_id: cloid,
      },
    );
    expect(created.status).toBe(200);
    expect(created.body.data.order_id).toBeGreaterThan(0);

    const positions = await api.get<{ symbol: string; side: string; amount: string }[]>(
      '/positions',
      {
        account: keypair.publicKey,
      },
    );
    expect(positions.body.data).toEqual([
      expect.objectContaining({ symbol: 'ETH', side: 'bid', amount: '1.5000' }),
    ]);
    expect(positions.body['last_order_id']).toBeGreaterThanOrEqual(created.body.data.order_id);

    const fills = await api.get<
      { order_id: number; client_order_id: string; side: string; event_type: string }[]
    >('/trades/history', { account: keypair.publicKey });
    expect(fills.body.data.length).toBeGreaterThan(0);
    expect(fills.body.data[0]).toMatchObject({
      order_id: created.body.data.order_id,
      client_order_id: cloid,
      side: 'open_long',
      event_type: 'fulfill_taker',
    });
    const history = await api.get<{ order_status: string; order_type: string }[]>(
      '/orders/history',
      {
        account: keypair.publicKey,
      },
    );
    expect(history.body.data[0]).toMatchObject({ order_status: 'filled', order_type: 'market' });
  });

  it('rests a limit order in /orders, then cancels it', async () => {
    const { keypair, signer } = newTrader();
    const created = await api.signed<{ order_id: number }>(
      signer,
      '/orders/create',
      'create_order',
      {
        symbol: 'BTC',
        price: '90000',
        reduce_only: false,
        amount: '0.01',
        side: 'bid',
        tif: 'GTC',
      },
    );
    const orderId = created.body.data.order_id;
    const open = await api.get<OrderView[]>('/orders', { account: keypair.publicKey });
    expect(open.body.data).toEqual([
      expect.objectContaining({
        order_id: orderId,
        price: '90000',
        initial_amount: '0.01000',
        filled_amount: '0.00000',
      }),
    ]);

    const cancel = await api.signed(signer, '/orders/cancel', 'cancel_order', {
      symbol: 'BTC',
      order_id: orderId,
    });
    expect(cancel.body).toEqual({ success: true, data: null, error: null, code: null });
    expect(
      (await api.get<OrderView[]>('/orders', { account: keypair.publicKey })).body.data,
    ).toEqual([]);

    const again = await api.signed(signer, '/orders/cancel', 'cancel_order', {
      symbol: 'BTC',
      order_id: orderId,
    });
    expect([again.status, again.body.error, again.body.code]).toEqual([422, 'Order not found', 5]);
    const events = await api.get<{ event_type: string }[]>('/orders/history_by_id', {
      order_id: orderId,
    });
    expect(events.body.data.map((e) => e.event_type)).toEqual(['cancel', 'make']);
  });

  it('rejects prices off the tick grid and market orders without a reasonable price', async () => {
    const { signer } = newTrader();
    const offTick = await api.signed(signer, '/orders/create', 'create_order', {
      symbol: 'BTC',
      price: '90000.5',
      reduce_only: false,
      amount: '0.01',
      side: 'bid',
      tif: 'GTC',
    });
    expect([offTick.status, offTick.body.error]).toEqual([
      400,
      'Price 90000.5 is not a multiple of tick size 1',
    ]);
    const alo = await api.signed(signer, '/orders/create', 'create_order', {
      symbol: 'BTC',
      price: '200000',
      reduce_only: false,
      amount: '0.01',
      side: 'bid',
      tif: 'ALO',
    });
    expect([alo.status, alo.body.error]).toEqual([422, 'Order rejected: post_only_rejected']);
    const tooTight = await api.signed(signer, '/orders/create_market', 'create_market_order', {
      symbol: 'BTC',
      reduce_only: false,
      amount: '0.01',
      side: 'bid',
      slippage_percent: '0',
    });
    expect([tooTight.status, tooTight.body.error]).toEqual([422, 'No reasonable price found']);
  });

  it('fills a resting order partially, then fully, as the market trades through it', async () => {
    const { keypair, signer } = newTrader();
    const ws = await WsProbe.open(sim.wsUrl);
    await ws.subscribe({ source: 'account_order_updates', account: keypair.publicKey });
    const mid = Number(sim.exchange.markets.get('BTC').mark.toString());
    const price = String(mid - 20);
    const created = await api.signed<{ order_id: number }>(
      signer,
      '/orders/create',
      'create_order',
      {
        symbol: 'BTC',
        price,
        reduce_only: false,
        amount: '4',
        side: 'bid',
        tif: 'GTC',
      },
    );
    const orderId = created.body.data.order_id;
    await ws.next((m) => (m.data as { i: number; oe: string }[])[0]?.oe === 'make');

    const statuses: string[] = [];
    let status = 'open';
    for (let tick = 0; tick < 50 && status !== 'filled'; tick++) {
      sim.moveMid('BTC', String(mid - 25));
      sim.tick();
      const update = await ws.next<{ i: number; os: string; f: string }[]>((m) =>
        (m.data as { i: number }[]).some((u) => u.i === orderId),
      );
      status = update.data[update.data.length - 1].os;
      statuses.push(status);
    }
    expect(statuses[0]).toBe('partially_filled');
    expect(statuses[statuses.length - 1]).toBe('filled');
    const fills = await api.get<{ price: string; event_type: string }[]>('/trades/history', {
      account: keypair.publicKey,
      symbol: 'BTC',
    });
    expect(fills.body.data.length).toBeGreaterThan(1);
    expect(
      fills.body.data.every((f) => f.price === price && f.event_type === 'fulfill_maker'),
    ).toBe(true);
    await ws.close();
  });

  it('trades over the WebSocket with the same signed body', async () => {
    const { signer } = newTrader();
    const ws = await WsProbe.open(sim.wsUrl);
    const cloid = randomUUID();
    const body = signer.sign('create_order', {
      symbol: 'SOL',
      price: '100.00',
      reduce_only: false,
      amount: '1',
      side: 'bid',
      tif: 'GTC',
      client_order_id: cloid,
    });
    ws.send({ id: 'req-1', params: { create_order: body } });
    const reply = await ws.next<{ I: string; i: number; s: string }>((m) => m['id'] === 'req-1');
    expect(reply).toMatchObject({ code: 200, type: 'create_order', data: { I: cloid, s: 'SOL' } });
    expect(reply.data.i).toBeGreaterThan(0);
    await ws.close();
  });
});
