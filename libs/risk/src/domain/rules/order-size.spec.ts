import { order, ruleInput } from '../testing/risk-fixtures';
import { checkOrderSize } from './order-size';

describe('order size rule ($10 minimum, $100,000 maximum notional, both inclusive)', () => {
  it.each([
    ['just under the minimum', '9.99', false, '10'],
    ['at the minimum', '10', true, '100000'],
    ['just over the minimum', '10.01', true, '100000'],
    ['just under the maximum', '99999.99', true, '100000'],
    ['at the maximum', '100000', true, '100000'],
    ['just over the maximum', '100000.01', false, '100000'],
  ])('%s ($%s)', (_case, notional, approved, limit) => {
    // amount × price = notional: 0.5 × (2 × notional)
    const decision = checkOrderSize(
      ruleInput(order({ amount: '0.5', price: Number(notional) * 2 })),
    );

    expect(decision).toMatchObject({ rule: 'order_size', approved, limit, actual: notional });
  });

  it('reports the numbers it saw and why it refused', () => {
    const decision = checkOrderSize(ruleInput(order({ amount: '0.001', price: '5000' })));

    expect(decision).toEqual({
      rule: 'order_size',
      approved: false,
      limit: '10',
      actual: '5',
      reason: 'order notional $5 is below the minimum $10',
      minOrderUsd: '10',
      maxOrderUsd: '100000',
      amount: '0.001',
      priceUsd: '5000',
    });
  });

  it('uses the configured bounds', () => {
    const input = ruleInput(order({ amount: 1, price: 40 }));
    const decision = checkOrderSize({ ...input, limits: { ...input.limits, minOrderUsd: 50 } });

    expect(decision).toMatchObject({ approved: false, limit: '50', actual: '40' });
  });
});

describe('order size reasons (mutation testing)', () => {
  it.each([
    ['200000', 'order notional $200000 is above the maximum $100000'],
    ['50', 'order notional $50 is within $10..$100000'],
  ])('explains a $%s order', (notional, reason) => {
    const decision = checkOrderSize(ruleInput(order({ amount: 1, price: notional })));

    expect(decision.reason).toBe(reason);
  });
});
