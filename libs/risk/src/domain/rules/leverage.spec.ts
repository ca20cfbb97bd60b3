import { order, portfolio, position, ruleInput } from '../testing/risk-fixtures';
import { checkLeverage } from './leverage';

describe('leverage rule (gross notional after the order / equity strictly below 5x)', () => {
  // Equity $100,000, ETH worth $400,000 at its mark; the BTC bid brings gross to 5x at $100,000.
  it.each([
    ['just under', '99999.99', true, '4.9999999'],
    ['at (refused: the limit must not be reached)', '100000', false, '5'],
    ['just over', '100000.01', false, '5.0000001'],
  ])('%s the limit (BTC notional $%s)', (_case, btcNotional, approved, actual) => {
    const book = portfolio(100_000, [position('ETH', 100, 4000)]);
    const decision = checkLeverage(ruleInput(order({ amount: 1, price: btcNotional }), book));

    expect(decision).toMatchObject({ rule: 'leverage', approved, limit: '5', actual });
  });

  it('values the order symbol after the order at the order price, and shorts by their size', () => {
    const book = portfolio(200_000, [position('BTC', 2, 90_000), position('ETH', -50, 4000)]);
    const decision = checkLeverage(ruleInput(order({ amount: 1, price: 100_000 }), book));

    expect(decision).toEqual({
      rule: 'leverage',
      approved: true,
      limit: '5',
      actual: '2.5',
      reason: 'leverage after the order 2.5x is below 5x',
      grossNotionalUsd: '500000',
      equityUsd: '200000',
    });
  });

  it('refuses any exposure without positive equity', () => {
    const decision = checkLeverage(ruleInput(order({ amount: 1, price: 10 }), portfolio(0)));

    expect(decision).toMatchObject({ approved: false, actual: 'Infinity', equityUsd: '0' });
    expect(decision.reason).toBe('no positive equity ($0) to carry $10 of exposure');
  });

  it('uses the configured limit', () => {
    const input = ruleInput(order({ amount: 1, price: 200_000 }), portfolio(100_000));
    const decision = checkLeverage({ ...input, limits: { ...input.limits, maxLeverage: 2 } });

    expect(decision).toMatchObject({ approved: false, limit: '2', actual: '2' });
  });
});

describe('leverage reasons (mutation testing)', () => {
  it('explains a refusal at the limit', () => {
    const decision = checkLeverage(
      ruleInput(order({ amount: 1, price: 1_000_000 }), portfolio(100_000)),
    );

    expect(decision.reason).toBe('leverage after the order 10x is not below 5x');
  });
});
