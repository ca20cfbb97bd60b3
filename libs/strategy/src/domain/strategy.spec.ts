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

  protected forget(symbol: string): void {
    this.observed.push(`forget ${symbol}`);
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
    expect(strategy.observed).toEqual([
      'forget BTC',
      'forget ETH',
      'BTC@00',
      'BTC@01',
      'ETH@00',
      'BTC@02',
      'ETH@01',
    ]);
    expect(strategy.decided).toEqual(['BTC@02', 'ETH@01']);
    expect(strategy.lastSeen('BTC')?.toISOString()).toBe('2026-01-15T02:00:00.000Z');
    expect(strategy.lastSeen('SOL')).toBeUndefined();
  });

  it('a warm-up replaces the state of the symbols it is given, earlier buckets included', () => {
    const strategy = new Recorder();
    strategy.onCandle(bar(5, 1), CONTEXT);
    strategy.onCandle(bar(5, 1, {}, 'ETH'), CONTEXT);
    strategy.warmUp([bar(3, 1), bar(4, 1), bar(5, 1)]);
    expect(strategy.observed).toEqual([
      'BTC@05',
      'ETH@05',
      'forget BTC',
      'BTC@03',
      'BTC@04',
      'BTC@05',
    ]);
    expect(strategy.lastSeen('ETH')?.toISOString()).toBe('2026-01-15T05:00:00.000Z');
  });
});
