import { Decimal } from '@nexwave/core';

import type { RestingOrder, Side } from './order';
import { OrderBook } from './order-book';

let nextId = 1;
function order(owner: string, side: Side, price: string, amount: string): RestingOrder {
  return { id: nextId++, owner, side, price: new Decimal(price), remaining: new Decimal(amount) };
}

describe('OrderBook', () => {
  it('fills the best price first, then the oldest order at that price', () => {
    const book = new OrderBook();
    const late = order('b', 'ask', '101', '1');
    const early = order('a', 'ask', '101', '1');
    const worse = order('c', 'ask', '102', '1');
    const best = order('d', 'ask', '100', '0.5');
    book.add(early);
    book.add(worse);
    book.add(late);
    book.add(best);
    const result = book.match('bid', new Decimal('2'), undefined, 'taker');
    expect(
      result.fills.map((f) => [f.maker.owner, f.price.toString(), f.amount.toString()]),
    ).toEqual([
      ['d', '100', '0.5'],
      ['a', '101', '1'],
      ['b', '101', '0.5'],
    ]);
    expect(result.remaining.isZero()).toBe(true);
    expect(book.get(late.id)?.remaining.toString()).toBe('0.5');
    expect(book.best('ask')?.toString()).toBe('101');
  });

  it('stops at the limit price and reports what is left', () => {
    const book = new OrderBook();
    book.add(order('a', 'bid', '99', '1'));
    book.add(order('b', 'bid', '98', '1'));
    const result = book.match('ask', new Decimal('3'), new Decimal('99'), 'taker');
    expect(result.fills).toHaveLength(1);
    expect(result.remaining.toString()).toBe('2');
    expect(book.best('bid')?.toString()).toBe('98');
  });

  it('removes the taker own resting orders instead of trading with them', () => {
    const book = new OrderBook();
    const own = order('me', 'ask', '100', '1');
    book.add(own);
    book.add(order('other', 'ask', '100', '1'));
    const result = book.match('bid', new Decimal('1'), undefined, 'me');
    expect(result.selfTradeCancelled.map((o) => o.id)).toEqual([own.id]);
    expect(result.fills[0]?.maker.owner).toBe('other');
  });

  it('aggregates levels into buckets showing the best price, at most `depth` per side', () => {
    const book = new OrderBook();
    for (const price of ['100', '99', '98', '97', '91', '90', '85']) {
      book.add(order('a', 'bid', price, '1'));
    }
    book.add(order('b', 'bid', '99', '2'));
    const plain = book.levels('bid', new Decimal(1), 3);
    expect(plain.map((l) => [l.price.toString(), l.amount.toString(), l.count])).toEqual([
      ['100', '1', 1],
      ['99', '3', 2],
      ['98', '1', 1],
    ]);
    const byTen = book.levels('bid', new Decimal(10), 10);
    expect(byTen.map((l) => [l.price.toString(), l.amount.toString()])).toEqual([
      ['100', '1'],
      ['99', '7'],
      ['85', '1'],
    ]);
  });

  it('tells whether a price crosses the opposite side', () => {
    const book = new OrderBook();
    book.add(order('a', 'ask', '100', '1'));
    expect(book.crosses('bid', new Decimal('100'))).toBe(true);
    expect(book.crosses('bid', new Decimal('99'))).toBe(false);
    expect(book.crosses('ask', new Decimal('1'))).toBe(false);
  });
});
