import {
  assertTransition,
  canTransition,
  isTerminal,
  isWorking,
  ORDER_STATUSES,
  type OrderStatus,
} from './order-status';
import { OrdersError } from './orders.errors';

const allowed: [OrderStatus, OrderStatus][] = [
  ['pending', 'open'],
  ['pending', 'partially_filled'],
  ['pending', 'filled'],
  ['pending', 'canceled'],
  ['pending', 'rejected'],
  ['pending', 'expired'],
  ['pending', 'unknown'],
  ['open', 'partially_filled'],
  ['open', 'filled'],
  ['open', 'canceled'],
  ['open', 'expired'],
  ['open', 'unknown'],
  ['partially_filled', 'partially_filled'],
  ['partially_filled', 'filled'],
  ['partially_filled', 'canceled'],
  ['partially_filled', 'expired'],
  ['partially_filled', 'unknown'],
  ['unknown', 'open'],
  ['unknown', 'partially_filled'],
  ['unknown', 'filled'],
  ['unknown', 'canceled'],
  ['unknown', 'rejected'],
  ['unknown', 'expired'],
];

const pairs = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as const));
const isAllowed = (from: OrderStatus, to: OrderStatus) =>
  allowed.some(([f, t]) => f === from && t === to);

describe('order status transitions', () => {
  it.each(pairs.filter(([f, t]) => isAllowed(f, t)))('allow %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition('o-1', from, to)).not.toThrow();
  });

  it.each(pairs.filter(([f, t]) => !isAllowed(f, t)))('refuse %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(() => assertTransition('o-1', from, to)).toThrow(
      expect.objectContaining({
        code: 'ILLEGAL_TRANSITION',
        details: { clientOrderId: 'o-1', from, to },
      }) as OrdersError,
    );
  });

  it.each([
    ['pending', false, false],
    ['open', false, true],
    ['partially_filled', false, true],
    ['unknown', false, true],
    ['filled', true, false],
    ['canceled', true, false],
    ['rejected', true, false],
    ['expired', true, false],
  ] as const)('%s: terminal %s, working %s', (status, terminal, working) => {
    expect(isTerminal(status)).toBe(terminal);
    expect(isWorking(status)).toBe(working);
  });
});

it('names the order and both statuses in an illegal transition message (mutation testing)', () => {
  expect(() => assertTransition('o-1', 'filled', 'open')).toThrow(
    'order o-1: filled cannot become open',
  );
});
