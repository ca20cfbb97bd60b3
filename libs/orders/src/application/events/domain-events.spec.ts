import { CircuitBreaker } from '../../domain/circuit-breaker';
import { Order, type OrderRequest } from '../../domain/order';
import { toBreakerBusEvents, toOrderBusEvents } from './domain-events';

const T0 = new Date('2026-01-15T12:00:00.000Z');
const request: OrderRequest = {
  clientOrderId: '3f1c9a2e-8b7d-4e6f-a5b4-c3d2e1f0a9b8',
  strategyId: 'manual',
  symbol: 'BTC',
  side: 'ask',
  amount: '2',
  reduceOnly: false,
  paperTrading: true,
  orderType: 'market',
  price: null,
  tif: null,
  slippagePercent: '0.5',
};
const paper = { cause: 'paper' as const, at: T0 };
const fill = (fillId: string, amount: string) => ({
  fillId,
  amount,
  price: '100',
  feeUsd: '0.04',
  liquidity: 'taker' as const,
  at: T0,
});

describe('domain events on the EventBus', () => {
  it('maps every order event to its class, keeping the domain event', () => {
    const { order, events } = Order.create(request, T0);
    const all = [
      ...events,
      ...order.open('ex-1', paper),
      ...order.applyFill(fill('f-1', '1'), 'paper'),
      ...order.applyFill(fill('f-2', '1'), 'paper'),
    ];
    const other = Order.create({ ...request, clientOrderId: 'o-2' }, T0).order;
    const more = [...other.markUnknown('timeout', paper), ...other.reject('margin', paper)];
    const third = Order.create({ ...request, clientOrderId: 'o-3' }, T0).order;
    const last = [...third.expire(paper)];
    const fourth = Order.create({ ...request, clientOrderId: 'o-4' }, T0).order;
    const canceled = [...fourth.cancel('requested', paper)];

    const busEvents = toOrderBusEvents([...all, ...more, ...last, ...canceled]);

    expect(busEvents.map((e) => e.constructor.name)).toEqual([
      'OrderPlacedEvent',
      'OrderOpenedEvent',
      'OrderFilledEvent',
      'OrderFilledEvent',
      'OrderMarkedUnknownEvent',
      'OrderRejectedEvent',
      'OrderExpiredEvent',
      'OrderCanceledEvent',
    ]);
    expect((busEvents[3] as { event: unknown }).event).toBe(all[3]);
  });

  it('maps every breaker transition to its class', () => {
    const breaker = CircuitBreaker.create({ failureThreshold: 1, coolDownMs: 0 });
    const transitions = [
      ...breaker.recordFailure('503', T0),
      ...breaker.startSubmission(T0),
      ...breaker.recordSuccess(T0),
      ...breaker.halt('maintenance', 'alice', T0),
      ...breaker.resume('alice', T0),
    ];

    expect(toBreakerBusEvents(transitions).map((e) => e.constructor.name)).toEqual([
      'BreakerTrippedEvent',
      'BreakerProbingEvent',
      'BreakerRecoveredEvent',
      'TradingHaltedEvent',
      'TradingResumedEvent',
    ]);
  });
});
