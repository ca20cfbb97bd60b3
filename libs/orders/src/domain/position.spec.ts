import type { OrderSide } from './order';
import { Position, type PositionSnapshot } from './position';

const AT = new Date('2026-01-15T12:00:00.000Z');
type Step = [side: OrderSide, amount: string, price: string, fee: string];
const fills = (steps: Step[]) =>
  steps.reduce(
    (position, [side, amount, price, feeUsd]) =>
      position.apply({ side, amount, price, feeUsd, at: AT }),
    Position.flat('BTC'),
  );

type Expected = Pick<PositionSnapshot, 'size' | 'entryPrice' | 'realisedPnlUsd' | 'feesUsd'>;

describe('Position', () => {
  const cases: [name: string, steps: Step[], expected: Expected][] = [
    [
      'opens a long',
      [['bid', '2', '100', '0.08']],
      { size: '2', entryPrice: '100', realisedPnlUsd: '0', feesUsd: '0.08' },
    ],
    [
      'opens a short',
      [['ask', '1.5', '100', '0']],
      { size: '-1.5', entryPrice: '100', realisedPnlUsd: '0', feesUsd: '0' },
    ],
    [
      'adds at a volume-weighted entry',
      [
        ['bid', '1', '100', '0.04'],
        ['bid', '3', '104', '0.12'],
      ],
      { size: '4', entryPrice: '103', realisedPnlUsd: '0', feesUsd: '0.16' },
    ],
    [
      'reduces a long, realising the gain and keeping the entry',
      [
        ['bid', '4', '100', '0'],
        ['ask', '1', '110', '0.01'],
      ],
      { size: '3', entryPrice: '100', realisedPnlUsd: '10', feesUsd: '0.01' },
    ],
    [
      'reduces a short at a loss',
      [
        ['ask', '2', '100', '0'],
        ['bid', '0.5', '102', '0'],
      ],
      { size: '-1.5', entryPrice: '100', realisedPnlUsd: '-1', feesUsd: '0' },
    ],
    [
      'closes to flat with no entry',
      [
        ['bid', '0.1', '100', '0'],
        ['bid', '0.2', '100.3', '0'],
        ['ask', '0.3', '101', '0'],
      ],
      { size: '0', entryPrice: null, realisedPnlUsd: '0.24', feesUsd: '0' },
    ],
    [
      'flips a long through zero: realises the close, opens the rest short at the fill price',
      [
        ['bid', '1', '100', '0'],
        ['ask', '3', '90', '0'],
      ],
      { size: '-2', entryPrice: '90', realisedPnlUsd: '-10', feesUsd: '0' },
    ],
    [
      'flips a short to a long',
      [
        ['ask', '1', '100', '0'],
        ['bid', '1.5', '95', '0'],
      ],
      { size: '0.5', entryPrice: '95', realisedPnlUsd: '5', feesUsd: '0' },
    ],
  ];

  it.each(cases)('%s', (_name, steps, expected) => {
    expect(fills(steps).snapshot()).toEqual({ symbol: 'BTC', updatedAt: AT, ...expected });
  });

  it.each([
    ['long in profit', [['bid', '2', '100', '0']] as Step[], '105', '10'],
    ['short in profit', [['ask', '2', '100', '0']] as Step[], '95', '10'],
    ['short at a loss', [['ask', '2', '100', '0']] as Step[], '100.5', '-1'],
    ['flat', [] as Step[], '105', '0'],
  ])('marks a %s to market', (_name, steps, mark, pnl) => {
    expect(fills(steps).unrealisedPnlUsd(mark).toFixed()).toBe(pnl);
  });

  it('restores a flat position, which opens at the next fill price', () => {
    const stored = Position.flat('BTC').snapshot();
    expect(stored).toEqual({
      symbol: 'BTC',
      size: '0',
      entryPrice: null,
      realisedPnlUsd: '0',
      feesUsd: '0',
      updatedAt: null,
    });
    const restored = Position.restore(stored);
    expect(restored.isFlat).toBe(true);
    expect(
      restored.apply({ side: 'ask', amount: '1', price: '97', feeUsd: '0', at: AT }).snapshot(),
    ).toMatchObject({ size: '-1', entryPrice: '97' });
  });

  it('restores from its snapshot', () => {
    const stored = fills([['bid', '2', '100', '0.1']]).snapshot();
    expect(
      Position.restore(stored)
        .apply({ side: 'ask', amount: '2', price: '99', feeUsd: '0', at: AT })
        .snapshot(),
    ).toEqual({
      ...stored,
      size: '0',
      entryPrice: null,
      realisedPnlUsd: '-2',
    });
  });
});
