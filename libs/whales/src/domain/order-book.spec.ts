import { notionalUsd, pricedLevels, referencePrice } from './order-book';
import { book, level } from './testing/books';

describe('pricedLevels', () => {
  it('keeps positive finite levels, in order, with float copies', () => {
    const good = level('100.5', '0.25', 2);
    const priced = pricedLevels([
      good,
      level('0', '1'),
      level('99', '0'),
      level('x', '1'),
      level('98', '-1'),
    ]);
    expect(priced).toEqual([{ level: good, price: 100.5, amount: 0.25 }]);
  });
});

describe('referencePrice', () => {
  it.each([
    ['the exact mid of a two-sided book', book([level('0.1', 1)], [level('0.2', 1)]), '0.15'],
    ['the best bid when there are no asks', book([level('99', 1), level('98', 1)], []), '99'],
    ['the best ask when there are no bids', book([], [level('101', 1)]), '101'],
    ['null for an empty book', book([], []), null],
    [
      'skips malformed best levels',
      book([level('0', 1), level('99', 1)], [level('101', 1)]),
      '100',
    ],
  ])('%s', (_case, snapshot, expected) => {
    expect(referencePrice(snapshot)).toBe(expected);
  });
});

describe('notionalUsd', () => {
  it('sums price x amount exactly', () => {
    const levels = pricedLevels([level('0.1', '3'), level('0.2', '0.7')]);
    expect(notionalUsd(levels).toFixed()).toBe('0.44');
  });
});
