import { checkedAs, type OrderIntent } from './risk-order';
import { order, portfolio, position } from './testing/risk-fixtures';

describe('checkedAs: an order skips entry-only rules only when it really reduces', () => {
  const longTwo = portfolio(100_000, [position('BTC', 2, 100)]);
  const shortTwo = portfolio(100_000, [position('BTC', -2, 100)]);

  it.each<[string, Parameters<typeof order>[0], typeof longTwo, OrderIntent]>([
    ['an exit selling part of a long', { intent: 'exit', side: 'ask', amount: 1 }, longTwo, 'exit'],
    ['an exit selling all of a long', { intent: 'exit', side: 'ask', amount: 2 }, longTwo, 'exit'],
    ['an exit buying back a short', { intent: 'exit', side: 'bid', amount: 2 }, shortTwo, 'exit'],
    [
      'an exit larger than the position (it would flip)',
      { intent: 'exit', side: 'ask', amount: '2.0001' },
      longTwo,
      'entry',
    ],
    [
      'a reduce-only order larger than the position (the exchange clips it)',
      { side: 'ask', amount: 3, reduceOnly: true },
      longTwo,
      'exit',
    ],
    [
      'an exit on the same side as the position',
      { intent: 'exit', side: 'bid', amount: 1 },
      longTwo,
      'entry',
    ],
    [
      'an exit with no position',
      { intent: 'exit', side: 'ask', amount: 1 },
      portfolio(100_000),
      'entry',
    ],
    [
      'a reduce-only sell with no position',
      { side: 'ask', amount: 1, reduceOnly: true },
      portfolio(100_000),
      'entry',
    ],
    [
      'an exit against another symbol only',
      { intent: 'exit', side: 'ask', amount: 1, symbol: 'ETH' },
      longTwo,
      'entry',
    ],
    [
      'an entry that happens to reduce',
      { intent: 'entry', side: 'ask', amount: 1 },
      longTwo,
      'entry',
    ],
  ])('%s is checked as %s', (_case, overrides, book, expected) => {
    expect(checkedAs(order(overrides), book)).toBe(expected);
  });
});
