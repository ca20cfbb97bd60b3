import { randomUUID } from 'node:crypto';

import { FixedClock } from '@nexwave/core/testing';
import {
  ExchangeRejectedError,
  ExchangeUnavailableError,
  RequestSigner,
  SolanaKeypair,
  type JsonObject,
  type LimitOrderParams,
} from '@nexwave/pacifica';
import { startPacificaSim, type PacificaSim } from '@nexwave/pacifica-sim/testing';

import { newTraderClient } from './client-harness';

/** Signed requests from the real client: agent wallets, bad signatures, expiry, lost answers. */
describe('PacificaRestClient <-> pacifica-sim (signatures and safe retries)', () => {
  let sim: PacificaSim;

  beforeAll(async () => {
    sim = await startPacificaSim({ port: 0, seed: 3, bookIntervalMs: 0 });
  });

  afterAll(() => sim.stop());

  const restingBid = (clientOrderId?: string): LimitOrderParams => ({
    symbol: 'SOL',
    side: 'bid',
    price: '100',
    amount: '1',
    tif: 'GTC',
    reduceOnly: false,
    clientOrderId,
  });

  it('trades for an account with a bound agent wallet (account + agent_wallet in the body)', async () => {
    const owner = SolanaKeypair.generate();
    const agentKey = SolanaKeypair.generate();
    const agent = newTraderClient(sim, {
      signerInstance: new RequestSigner(agentKey, { account: owner.publicKey }),
    });
    expect(agent.signer.sign('cancel_order', {})).toMatchObject({
      account: owner.publicKey,
      agent_wallet: agentKey.publicKey,
    });

    const unbound = agent.client.createLimitOrder(restingBid());
    await expect(unbound).rejects.toBeInstanceOf(ExchangeRejectedError);
    await expect(unbound).rejects.toMatchObject({ status: 400, message: 'Verification failed' });

    // The client has no bind method: the owner's own key signs bind_agent_wallet directly.
    const bind = await postJson(
      `${sim.url}/agent/bind`,
      new RequestSigner(owner).sign('bind_agent_wallet', { agent_wallet: agentKey.publicKey }),
    );
    expect(bind).toEqual({
      status: 200,
      body: { success: true, data: null, error: null, code: null },
    });

    const cloid = randomUUID();
    const created = await agent.client.createLimitOrder(restingBid(cloid));
    expect((await agent.client.getOpenOrders(owner.publicKey)).items).toEqual([
      expect.objectContaining({ orderId: created.orderId, clientOrderId: cloid }),
    ]);
    await agent.client.cancelOrder({ symbol: 'SOL', clientOrderId: cloid });
    expect((await agent.client.getOpenOrders()).items).toEqual([]);
  });

  it('rejects a tampered body and a key that is not the account as "Verification failed"', async () => {
    const tampered = newTraderClient(sim, {
      signerInstance: new (class extends RequestSigner {
        override sign(type: string, payload: object, timestamp?: number): JsonObject {
          return { ...super.sign(type, payload, timestamp), amount: '2' };
        }
      })(SolanaKeypair.generate()),
    });
    const someoneElse = SolanaKeypair.generate().publicKey;
    const wrongKey = newTraderClient(sim, {
      signerInstance: new (class extends RequestSigner {
        override sign(type: string, payload: object, timestamp?: number): JsonObject {
          return { ...super.sign(type, payload, timestamp), account: someoneElse };
        }
      })(SolanaKeypair.generate()),
    });
    for (const trader of [tampered, wrongKey]) {
      const attempt = trader.client.createLimitOrder(restingBid());
      await expect(attempt).rejects.toBeInstanceOf(ExchangeRejectedError);
      await expect(attempt).rejects.toMatchObject({ status: 400, message: 'Verification failed' });
    }
    expect((await tampered.client.getOrderHistory()).items).toEqual([]);
    expect((await wrongKey.client.getOrderHistory({ account: someoneElse })).items).toEqual([]);
  });

  it('rejects a request signed outside its expiry window as "Invalid message"', async () => {
    const stale = newTraderClient(sim, {
      signer: { expiryWindowMs: 5_000, clock: new FixedClock(new Date(Date.now() - 10_000)) },
    });
    const attempt = stale.client.createLimitOrder(restingBid());
    await expect(attempt).rejects.toBeInstanceOf(ExchangeRejectedError);
    await expect(attempt).rejects.toMatchObject({ status: 400, message: 'Invalid message' });
    expect((await stale.client.getOrderHistory()).items).toEqual([]);
  });

  it('after a 503 that lost the answer, finds the order by client_order_id: no duplicate', async () => {
    const trader = newTraderClient(sim, { signer: { expiryWindowMs: 300 } });
    sim.addFault({ mode: 'error', path: '/orders/create', count: 1, afterApply: true });
    const cloid = randomUUID();
    const created = await trader.client.createLimitOrder(restingBid(cloid));
    expect(created).toMatchObject({ clientOrderId: cloid, recovered: true });
    expect(await trader.client.findOrderByClientOrderId(cloid)).toEqual({
      orderId: created.orderId,
    });
    const history = (await trader.client.getOrderHistory()).items;
    expect(history).toEqual([
      expect.objectContaining({ orderId: created.orderId, clientOrderId: cloid }),
    ]);
  });

  it('after a 503 that refused the request, sends it again once: one order', async () => {
    const trader = newTraderClient(sim, { signer: { expiryWindowMs: 300 } });
    sim.addFault({ mode: 'error', path: '/orders/create', count: 1 });
    const cloid = randomUUID();
    const created = await trader.client.createLimitOrder(restingBid(cloid));
    expect(created).toMatchObject({ clientOrderId: cloid, recovered: false });
    expect((await trader.client.getOrderHistory()).items).toEqual([
      expect.objectContaining({ orderId: created.orderId, clientOrderId: cloid }),
    ]);

    // Without a client_order_id nothing can tell whether it landed: not retried.
    sim.addFault({ mode: 'error', path: '/orders/create', count: 1, afterApply: true });
    await expect(trader.client.createLimitOrder(restingBid())).rejects.toBeInstanceOf(
      ExchangeUnavailableError,
    );
    expect((await trader.client.getOrderHistory()).items).toHaveLength(2);
  });
});

async function postJson(url: string, body: object): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}
