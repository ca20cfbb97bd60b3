import { order, portfolio, position, ruleInput } from '../testing/risk-fixtures';
import { checkPositionLimit } from './position-limit';

describe('position limit rule ($1,000,000 notional per symbol after the order, at its price)', () => {
  // Long 9 BTC; a bid of 1 at the price below makes 10 BTC: the limit sits at $100,000 a coin.
  it.each([
    ['just under', '99999.99', true, '999999.9'],
    ['at', '100000', true, '1000000'],
    ['just over', '100000.01', false, '1000000.1'],
  ])('%s the limit after adding to a long (price %s)', (_case, price, approved, actual) => {
    const book = portfolio(1_000_000, [position('BTC', 9, 1)]);
    const decision = checkPositionLimit(ruleInput(order({ amount: 1, price }), book));

    expect(decision).toMatchObject({ rule: 'position_limit', approved, limit: '1000000', actual });
    expect(decision).toMatchObject({
      currentSize: '9',
      resultingSize: '10',
      reducesPosition: false,
    });
  });

  it.each([
    ['just under', '-9.9999', true],
    ['at', '-10', true],
    ['just over', '-10.0001', false],
  ])('%s the limit on the short side (resulting size %s)', (_case, resultingSize, approved) => {
    const book = portfolio(1_000_000, [position('BTC', -5, 100_000)]);
    const amount = -Number(resultingSize) - 5;
    const decision = checkPositionLimit(
      ruleInput(order({ side: 'ask', amount: amount.toFixed(4), price: 100_000 }), book),
    );

    expect(decision).toMatchObject({ approved, resultingSize });
  });

  it('always lets an order through that only shrinks a position over the limit', () => {
    const book = portfolio(1_000_000, [position('BTC', 30, 100_000)]);
    const decision = checkPositionLimit(
      ruleInput(order({ side: 'ask', amount: 10, price: 100_000, intent: 'exit' }), book),
    );

    expect(decision).toMatchObject({
      approved: true,
      actual: '2000000',
      reducesPosition: true,
      reason: 'reduces the BTC position: always allowed',
    });
  });

  it('checks a flip through zero like an entry: the new side must be within the limit', () => {
    const book = portfolio(1_000_000, [position('BTC', 1, 100_000)]);
    const decision = checkPositionLimit(
      ruleInput(order({ side: 'ask', amount: '11.5', price: 100_000 }), book),
    );

    expect(decision).toMatchObject({
      approved: false,
      resultingSize: '-10.5',
      actual: '1050000',
      reducesPosition: false,
    });
  });

  it('counts only the order symbol, and uses the configured limit', () => {
    const book = portfolio(1_000_000, [position('ETH', 1000, 5000)]);
    const input = ruleInput(order({ amount: 1, price: 600 }), book);
    const decision = checkPositionLimit({
      ...input,
      limits: { ...input.limits, maxPositionUsd: 500 },
    });

    expect(decision).toMatchObject({
      approved: false,
      limit: '500',
      actual: '600',
      currentSize: '0',
    });
  });
});

describe('position limit edge cases (mutation testing)', () => {
  it('an order that flips a long into a smaller short does not count as reducing it', () => {
    const book = portfolio(1_000_000, [position('BTC', 5, 300_000)]);
    const decision = checkPositionLimit(
      ruleInput(order({ side: 'ask', amount: 9, price: 300_000 }), book),
    );

    expect(decision).toMatchObject({
      approved: false,
      reducesPosition: false,
      reason: 'BTC position after the order $1200000 is above the limit $1000000',
    });
  });

  it('explains an order within the limit', () => {
    const decision = checkPositionLimit(
      ruleInput(order({ amount: 1, price: 1_000 }), portfolio(1_000_000, [])),
    );

    expect(decision.reason).toBe('BTC position after the order $1000 is within $1000000');
  });
});
