import { randomUUID } from 'node:crypto';

import {
  BreakerProbingEvent,
  BreakerRecoveredEvent,
  GetBreakerStatusQuery,
  HaltTradingCommand,
  OrdersError,
  PacificaExchangeAdapter,
  PlaceOrderCommand,
  ResumeTradingCommand,
  type OrderRequest,
  type OrderSnapshot,
} from '@nexwave/orders';
import { OrdersHarness } from '@nexwave/orders/testing';
import {
  PacificaRestClient,
  PacificaWsClient,
  RequestSigner,
  SolanaKeypair,
} from '@nexwave/pacifica';
import { startPacificaSim, type PacificaSim } from '@nexwave/pacifica-sim/testing';

const CREATE = '/orders/create';
const COOL_DOWN_MS = 30_000;
/** The SDK's attempts at one create before the adapter reports the exchange unavailable. */
const SDK_ATTEMPTS = 3;

/**
 * The real command handlers and breaker over the live adapter, against the Pacifica simulator
 * over real HTTP: a 5xx storm trips the breaker after exactly 5 failed orders and the next one
 * never reaches the exchange; the half-open probe after the cool-down closes it; an admin halt
 * stops the flow until resumed. The simulator counts every create request it receives.
 */
describe('circuit breaker <-> pacifica-sim', () => {
  let sim: PacificaSim;
  let harness: OrdersHarness<PacificaExchangeAdapter>;
  let creates: number;

  beforeAll(async () => {
    sim = await startPacificaSim({ port: 0, seed: 11, bookIntervalMs: 0 });
    const take = sim.faults.take.bind(sim.faults);
    sim.faults.take = (path) => {
      if (path === CREATE) {
        creates++;
      }
      return take(path);
    };
  });

  beforeEach(async () => {
    creates = 0;
    // A fresh account per test; a short expiry window and backoff keep the SDK's retries quick.
    const signer = new RequestSigner(SolanaKeypair.generate(), { expiryWindowMs: 200 });
    const rest = new PacificaRestClient({
      baseUrl: sim.url,
      signer,
      timeoutMs: 5_000,
      retry: { maxAttempts: SDK_ATTEMPTS, baseDelayMs: 5, maxDelayMs: 20 },
    });
    const ws = new PacificaWsClient({ url: sim.wsUrl, bookStaleAfterMs: 0 });
    harness = await OrdersHarness.create({
      exchange: new PacificaExchangeAdapter(rest, ws, signer.account),
      settings: {
        paperTrading: false,
        breaker: { failureThreshold: 5, coolDownMs: COOL_DOWN_MS },
      },
    });
  });

  afterEach(async () => {
    sim.clearFaults();
    await harness.close();
    await harness.exchange.close();
  });

  afterAll(() => sim.stop());

  const place = (order: OrderRequest): Promise<OrderSnapshot> =>
    harness.commands.execute(new PlaceOrderCommand(order));
  const breaker = () => harness.queries.execute(new GetBreakerStatusQuery());
  const stored = async (clientOrderId: string) =>
    (await harness.orders.findByClientOrderId(clientOrderId))?.snapshot();
  /** The create requests the simulator received while `action` ran. */
  const createsDuring = async (action: () => Promise<unknown>): Promise<number> => {
    const before = creates;
    await action();
    return creates - before;
  };

  it('a 5xx storm opens the breaker after exactly 5 failed orders; the 6th never reaches the simulator; the probe after the cool-down closes it', async () => {
    sim.addFault({ mode: 'error', path: CREATE });
    const failed: OrderSnapshot[] = [];
    const sentPerOrder: number[] = [];
    const stateAfter: string[] = [];
    for (let i = 0; i < 5; i++) {
      sentPerOrder.push(await createsDuring(async () => failed.push(await place(order()))));
      stateAfter.push((await breaker()).state);
    }
    const sixth = order();

    let refusal: unknown;
    sentPerOrder.push(await createsDuring(() => place(sixth).catch((e: unknown) => (refusal = e))));

    expect(sentPerOrder).toEqual([...Array<number>(5).fill(SDK_ATTEMPTS), 0]);
    expect(failed.map((o) => o.status)).toEqual(Array(5).fill('unknown'));
    expect(failed.every((o) => /^no answer from the exchange: .*503/.test(o.reason!))).toBe(true);
    expect(stateAfter).toEqual(['closed', 'closed', 'closed', 'closed', 'open']);
    expect(await breaker()).toMatchObject({ state: 'open', consecutiveFailures: 5 });
    expect(refusal).toBeInstanceOf(OrdersError);
    expect(refusal).toMatchObject({
      code: 'BREAKER_OPEN',
      message: expect.stringMatching(
        /^circuit breaker open after 5 consecutive failures/,
      ) as unknown,
    });
    expect(await stored(sixth.clientOrderId)).toMatchObject({
      status: 'rejected',
      reason: (refusal as Error).message,
    });

    sim.clearFaults();
    harness.clock.advance(COOL_DOWN_MS + 1);
    const probe = order();
    let probed: OrderSnapshot | undefined;
    const probeSent = await createsDuring(async () => (probed = await place(probe)));

    expect(probeSent).toBe(1);
    expect(harness.publishedOf(BreakerProbingEvent)).toHaveLength(1);
    expect(harness.publishedOf(BreakerRecoveredEvent)).toHaveLength(1);
    expect(probed).toMatchObject({
      status: 'open',
      exchangeOrderId: expect.any(String) as unknown,
    });
    expect(await breaker()).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
    expect(await harness.exchange.openOrders()).toEqual([
      expect.objectContaining({ clientOrderId: probe.clientOrderId }),
    ]);
  });

  it('an admin halt refuses the next order with its reason without reaching the simulator; resume lets the next one through', async () => {
    const first = order();
    const before = await place(first);
    await harness.commands.execute(new HaltTradingCommand('exchange maintenance', 'ops-alice'));
    const halted = order();

    let refusal: unknown;
    const sentWhileHalted = await createsDuring(() =>
      place(halted).catch((e: unknown) => (refusal = e)),
    );
    await harness.commands.execute(new ResumeTradingCommand('ops-alice', 'maintenance over'));
    const resumed = order();
    let after: OrderSnapshot | undefined;
    const sentAfterResume = await createsDuring(async () => (after = await place(resumed)));

    expect(before.status).toBe('open');
    expect(sentWhileHalted).toBe(0);
    expect(refusal).toBeInstanceOf(OrdersError);
    expect(refusal).toMatchObject({
      code: 'TRADING_HALTED',
      message: 'trading halted by ops-alice: exchange maintenance',
    });
    expect(await stored(halted.clientOrderId)).toMatchObject({
      status: 'rejected',
      reason: 'trading halted by ops-alice: exchange maintenance',
    });
    expect(sentAfterResume).toBe(1);
    expect(after?.status).toBe('open');
    expect((await harness.exchange.openOrders()).map((o) => o.clientOrderId).sort()).toEqual(
      [first.clientOrderId, resumed.clientOrderId].sort(),
    );
  });
});

/** A small BTC bid far below the market: it rests (open) and never fills. */
function order(): OrderRequest {
  return {
    clientOrderId: randomUUID(),
    strategyId: 'breaker-storm',
    symbol: 'BTC',
    side: 'bid',
    amount: '0.01',
    reduceOnly: false,
    paperTrading: false,
    orderType: 'limit',
    price: '10000',
    tif: 'GTC',
    slippagePercent: null,
  };
}
