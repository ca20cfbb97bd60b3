import {
  candleEnd,
  CandleStrategy,
  indicatorString,
  positionOn,
  type Candle,
  type Signal,
  type StrategyContext,
} from './strategy';
import { bar } from './testing/candles';

/** Records what reaches observe and decide. */
class Recorder extends CandleStrategy {
  readonly name = 'recorder';
  readonly warmUpCandles = 1;
  readonly observed: string[] = [];
  readonly decided: string[] = [];

  constructor() {
    super('rec-1', '1h');
  }

  protected observe(candle: Candle): void {
    this.observed.push(`${candle.symbol}@${candle.bucketStart.toISOString().slice(11, 13)}`);
  }

  protected decide(candle: Candle): Signal[] {
    this.decided.push(`${candle.symbol}@${candle.bucketStart.toISOString().slice(11, 13)}`);
    return [];
  }
}

const CONTEXT: StrategyContext = { positions: [], portfolio: { equityUsd: '1', cashUsd: '1' } };

describe('strategy helpers', () => {
  it.each([
    ['1m', '2026-01-15T00:01:00.000Z'],
    ['1h', '2026-01-15T01:00:00.000Z'],
    ['1d', '2026-01-16T00:00:00.000Z'],
  ] as const)('a %s candle from midnight closes at %s', (timeframe, end) => {
    expect(candleEnd(bar(0, 1, {}, 'BTC', timeframe)).toISOString()).toBe(end);
  });

  it.each([
    ['BTC', { symbol: 'BTC', size: '0.5', entryPrice: '1' }],
    ['ETH', undefined],
    ['SOL', undefined],
  ])('finds the open position on %s', (symbol, expected) => {
    const context: StrategyContext = {
      ...CONTEXT,
      positions: [
        { symbol: 'BTC', size: '0.5', entryPrice: '1' },
        { symbol: 'SOL', size: '0.000', entryPrice: '1' },
      ],
    };
    expect(positionOn(context, symbol)).toEqual(expected);
  });

  it.each([
    [99.55, '99.55'],
    [2.39739441894737, '2.39739441895'],
    [0.1 + 0.2, '0.3'],
    [0.0000123456789012345, '0.0000123456789012'],
    [104_344.78883789474, '104344.788838'],
  ])('prints the indicator %d as %s', (value, text) => {
    expect(indicatorString(value)).toBe(text);
  });
});

describe('CandleStrategy', () => {
  it('takes each symbol forward in time only, ignoring other timeframes and repeats', () => {
    const strategy = new Recorder();
    strategy.warmUp([bar(0, 1), bar(1, 1), bar(0, 1, {}, 'ETH')]);
    [bar(1, 1), bar(2, 1), bar(2, 1, {}, 'BTC', '4h'), bar(1, 1, {}, 'ETH'), bar(2, 1)].forEach(
      (candle) => strategy.onCandle(candle, CONTEXT),
    );
    expect(strategy.observed).toEqual(['BTC@00', 'BTC@01', 'ETH@00', 'BTC@02', 'ETH@01']);
    expect(strategy.decided).toEqual(['BTC@02', 'ETH@01']);
  });
});
