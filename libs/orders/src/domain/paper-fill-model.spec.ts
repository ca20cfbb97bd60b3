import {
  fillOnBook,
  fillRestingOrder,
  type BookSnapshot,
  type PaperExecution,
  type PaperFillContext,
  type PaperOrder,
} from './paper-fill-model';

const book: BookSnapshot = {
  bids: [
    { price: '99', amount: '1' },
    { price: '98', amount: '2' },
  ],
  asks: [
    { price: '100', amount: '1' },
    { price: '101', amount: '2' },
    { price: '110', amount: '5' },
  ],
};
const flat: PaperFillContext = { market: { lotSize: '0.1', tickSize: '0.5' }, positionSize: '0' };
const market = (side: 'bid' | 'ask', amount: string, slippagePercent = '2'): PaperOrder => ({
  side,
  orderType: 'market',
  amount,
  price: null,
  tif: null,
  slippagePercent,
  reduceOnly: false,
});
const limit = (
  side: 'bid' | 'ask',
  amount: string,
  price: string,
  tif: PaperOrder['tif'] = 'GTC',
): PaperOrder => ({
  side,
  orderType: 'limit',
  amount,
  price,
  tif,
  slippagePercent: null,
  reduceOnly: false,
});
const taker = (price: string, amount: string, feeUsd: string) => ({
  price,
  amount,
  feeUsd,
  liquidity: 'taker',
});
const executed = (
  fills: object[],
  filledAmount: string,
  restingAmount: string,
  canceledAmount: string,
  cancelReason: string | null = null,
) => ({ kind: 'executed', fills, filledAmount, restingAmount, canceledAmount, cancelReason });

describe('fillOnBook', () => {
  const cases: [
    name: string,
    order: PaperOrder,
    context: PaperFillContext,
    expected: PaperExecution | object,
  ][] = [
    [
      'a market buy inside the touch',
      market('bid', '0.5'),
      flat,
      executed([taker('100', '0.5', '0.02')], '0.5', '0', '0'),
    ],
    [
      'a market buy walking two levels (slippage)',
      market('bid', '2'),
      flat,
      executed([taker('100', '1', '0.04'), taker('101', '1', '0.0404')], '2', '0', '0'),
    ],
    [
      'a market buy stopped by its slippage bound (100 × 1.02 = 102), the rest canceled',
      market('bid', '5'),
      flat,
      executed(
        [taker('100', '1', '0.04'), taker('101', '2', '0.0808')],
        '3',
        '0',
        '2',
        'slippage bound reached or book exhausted',
      ),
    ],
    [
      'a market sell walking the bids',
      market('ask', '2', '1.5'),
      flat,
      executed([taker('99', '1', '0.0396'), taker('98', '1', '0.0392')], '2', '0', '0'),
    ],
    [
      'a market sell whose bound (99 × 0.995 = 98.505, up to the tick 98.5) stops at the touch',
      market('ask', '2', '0.5'),
      flat,
      executed(
        [taker('99', '1', '0.0396')],
        '1',
        '0',
        '1',
        'slippage bound reached or book exhausted',
      ),
    ],
    [
      'a crossing limit buy: the crossing part takes, the rest rests',
      limit('bid', '2', '100.5'),
      flat,
      executed([taker('100', '1', '0.04')], '1', '1', '0'),
    ],
    [
      'a limit buy below the book rests whole',
      limit('bid', '2', '99.5'),
      flat,
      executed([], '0', '2', '0'),
    ],
    [
      'an IOC limit: the remainder is canceled',
      limit('bid', '2', '100', 'IOC'),
      flat,
      executed([taker('100', '1', '0.04')], '1', '0', '1', 'IOC remainder'),
    ],
    [
      'a post-only limit that would cross is rejected',
      limit('bid', '1', '100', 'ALO'),
      flat,
      { kind: 'rejected', reason: 'post-only order at 100 would take liquidity at 100' },
    ],
    [
      'a top-of-book limit that would cross is rejected',
      limit('ask', '1', '99', 'TOB'),
      flat,
      { kind: 'rejected', reason: 'post-only order at 99 would take liquidity at 99' },
    ],
    [
      'a post-only limit that does not cross rests',
      limit('ask', '1', '100', 'TOB'),
      flat,
      executed([], '0', '1', '0'),
    ],
    [
      'an amount rounded down to the lot',
      market('bid', '0.57'),
      flat,
      executed(
        [taker('100', '0.5', '0.02')],
        '0.5',
        '0',
        '0.07',
        'slippage bound reached or book exhausted',
      ),
    ],
    [
      'an amount below the lot',
      market('bid', '0.05'),
      flat,
      { kind: 'rejected', reason: 'amount 0.05 is below the lot size 0.1' },
    ],
    [
      'with custom fee rates',
      market('bid', '1'),
      { ...flat, fees: { takerRate: '0.001', makerRate: '0' } },
      executed([taker('100', '1', '0.1')], '1', '0', '0'),
    ],
    [
      'a reduce-only sell clamped to a long of 1.5 (never flips)',
      { ...market('ask', '3'), reduceOnly: true },
      { ...flat, positionSize: '1.5' },
      executed(
        [taker('99', '1', '0.0396'), taker('98', '0.5', '0.0196')],
        '1.5',
        '0',
        '1.5',
        'reduce-only: clamped to the position of 1.5',
      ),
    ],
    [
      'a reduce-only buy closing part of a short',
      { ...market('bid', '0.5'), reduceOnly: true },
      { ...flat, positionSize: '-2' },
      executed([taker('100', '0.5', '0.02')], '0.5', '0', '0'),
    ],
    [
      'a reduce-only order without a position',
      { ...market('bid', '1'), reduceOnly: true },
      flat,
      { kind: 'rejected', reason: 'reduce-only order without a position to reduce' },
    ],
    [
      'a reduce-only buy that would add to a long',
      { ...market('bid', '1'), reduceOnly: true },
      { ...flat, positionSize: '3' },
      { kind: 'rejected', reason: 'reduce-only order without a position to reduce' },
    ],
  ];

  it.each(cases)('%s', (_name, order, context, expected) => {
    expect(fillOnBook(order, book, context)).toEqual(expected);
  });

  it('rounds a market buy bound down to the tick (100 × 1.017 = 101.7 -> 101.5)', () => {
    const asks = [
      { price: '100', amount: '1' },
      { price: '101.5', amount: '1' },
      { price: '101.8', amount: '1' },
    ];
    expect(fillOnBook(market('bid', '3', '1.7'), { bids: [], asks }, flat)).toEqual(
      executed(
        [taker('100', '1', '0.04'), taker('101.5', '1', '0.0406')],
        '2',
        '0',
        '1',
        'slippage bound reached or book exhausted',
      ),
    );
  });

  it('takes whole lots from each level and skips a level thinner than a lot', () => {
    const asks = [
      { price: '100', amount: '0.78' },
      { price: '100.5', amount: '0.05' },
      { price: '101', amount: '1' },
    ];
    expect(fillOnBook(market('bid', '1'), { bids: [], asks }, flat)).toEqual(
      executed([taker('100', '0.7', '0.028'), taker('101', '0.3', '0.01212')], '1', '0', '0'),
    );
  });

  it('rests a post-only order whole when the other side of the book is empty', () => {
    expect(fillOnBook(limit('bid', '1', '100', 'ALO'), { ...book, asks: [] }, flat)).toEqual(
      executed([], '0', '1', '0'),
    );
  });

  it('cancels an IOC limit whole when its side of the book is empty', () => {
    expect(fillOnBook(limit('bid', '1', '100', 'IOC'), { ...book, asks: [] }, flat)).toEqual(
      executed([], '0', '0', '1', 'no liquidity on the book'),
    );
  });

  it('cancels a market order whole when its side of the book is empty', () => {
    expect(fillOnBook(market('bid', '1'), { ...book, asks: [] }, flat)).toEqual(
      executed([], '0', '0', '1', 'no liquidity on the book'),
    );
  });
});

describe('fillRestingOrder', () => {
  const resting = { side: 'bid' as const, price: '100', remainingAmount: '2', reduceOnly: false };
  const maker = (amount: string, feeUsd: string) => ({
    price: '100',
    amount,
    feeUsd,
    liquidity: 'maker',
  });
  const asks = (...levels: [string, string][]): BookSnapshot => ({
    bids: [],
    asks: levels.map(([price, amount]) => ({ price, amount })),
  });

  it.each([
    [
      'a book that does not cross',
      resting,
      asks(['100.5', '5']),
      flat,
      { fills: [], remainingAmount: '2', cancelReason: null },
    ],
    [
      'a book crossing with enough volume: filled at its own price, maker fee',
      resting,
      asks(['99', '1'], ['99.5', '3']),
      flat,
      { fills: [maker('2', '0.03')], remainingAmount: '0', cancelReason: null },
    ],
    [
      'a thin crossing book: a partial fill',
      resting,
      asks(['100', '0.75'], ['101', '9']),
      flat,
      { fills: [maker('0.7', '0.0105')], remainingAmount: '1.3', cancelReason: null },
    ],
    [
      'a reduce-only bid clamped to a short of 0.5',
      { ...resting, reduceOnly: true },
      asks(['99', '5']),
      { ...flat, positionSize: '-0.5' },
      { fills: [maker('0.5', '0.0075')], remainingAmount: '1.5', cancelReason: null },
    ],
    [
      'a reduce-only bid whose position is gone',
      { ...resting, reduceOnly: true },
      asks(['99', '5']),
      flat,
      { fills: [], remainingAmount: '2', cancelReason: 'reduce-only order: the position is gone' },
    ],
    [
      'a resting ask crossed by bids',
      { ...resting, side: 'ask' as const },
      {
        asks: [],
        bids: [
          { price: '100.5', amount: '1' },
          { price: '99', amount: '4' },
        ],
      },
      flat,
      { fills: [maker('1', '0.015')], remainingAmount: '1', cancelReason: null },
    ],
  ])('%s', (_name, order, snapshot, context, expected) => {
    expect(fillRestingOrder(order, snapshot, context)).toEqual(expected);
  });
});
