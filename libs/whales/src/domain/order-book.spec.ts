import { seededRandom } from '@nexwave/core';

import { notionalOver, notionalUsd, parseSide, referencePrice, toFloat } from './order-book';
import { book, level } from './testing/books';

describe('toFloat', () => {
  it.each([
    '0',
    '7',
    '0.1',
    '1.',
    '.5',
    '67123.45',
    '000.000100',
    '123456789012345',
    '1234567890.123456',
    '0.1234567890123456789',
    '1e3',
    '-1',
    ' 5',
    '0x10',
    '',
    '.',
    '1.2.3',
    'x',
    'Infinity',
  ])('%j reads as Number does', (text) => {
    expect(Object.is(toFloat(text), Number(text))).toBe(true);
  });

  it('reads generated prices and amounts to the same double as Number', () => {
    const random = seededRandom(11);
    const mismatches: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const value = 10 ** (random() * 14 - 7);
      const text =
        random() < 0.5
          ? value.toPrecision(1 + Math.floor(random() * 17))
          : value.toFixed(Math.floor(random() * 12));
      if (!Object.is(toFloat(text), Number(text))) {
        mismatches.push(text);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('parseSide', () => {
  it('keeps positive finite levels, in order, with float copies (no zero, negative, infinite or malformed ones)', () => {
    const good = level('100.5', '0.25', 2);
    const next = level('100', '3');
    const side = parseSide([
      good,
      level('0', '1'),
      level('99', '0'),
      level('x', '1'),
      level('98', '-1'),
      level('Infinity', '1'),
      level('97', '1e999'),
      level('96', 'NaN'),
      next,
    ]);
    expect(side.levels).toEqual([good, next]);
    expect([...side.price]).toEqual([100.5, 100]);
    expect([...side.amount]).toEqual([0.25, 3]);
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
    expect(referencePrice({ bid: parseSide(snapshot.bids), ask: parseSide(snapshot.asks) })).toBe(
      expected,
    );
  });
});

describe('notionalUsd', () => {
  it('sums price x amount exactly', () => {
    const side = parseSide([level('0.1', '3'), level('0.2', '0.7')]);
    expect(notionalUsd(side, [0, 1]).toFixed()).toBe('0.44');
  });
});

describe('notionalOver', () => {
  // 0.1 x 3 + 0.2 x 0.35 is 0.37 exactly, 0.37000000000000005 in floats.
  const side = parseSide([level('0.1', '3'), level('0.2', '0.35')]);

  it('is the exact sum when it is strictly over the threshold', () => {
    expect(notionalOver(side, [0, 1], '0.36999999999999999')?.toFixed()).toBe('0.37');
  });

  it('is the exact sum where the float sum is under the threshold but the exact one over it', () => {
    // 0.7 x 0.1 is 0.06999999999999999 in floats, under the threshold read as a float (0.07).
    const under = parseSide([level('0.7', '0.1')]);
    expect(notionalOver(under, [0], '0.06999999999999999999')?.toFixed()).toBe('0.07');
  });

  it('is null at or under the threshold, even where the float sum is over it', () => {
    expect(notionalOver(side, [0, 1], '0.37')).toBeNull();
    expect(notionalOver(side, [0, 1], 1)).toBeNull();
  });
});
