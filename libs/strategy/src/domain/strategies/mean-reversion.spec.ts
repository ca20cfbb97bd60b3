import type { Candle, WhaleEvent } from '../strategy';
import { bar, bars, replay, T0 } from '../testing/candles';
import {
  meanReversion,
  MeanReversionStrategy,
  type MeanReversionParameters,
} from './mean-reversion';

/** 20 hourly closes alternating 99, 101: mean 100, population σ exactly 1. */
const CALM = bars(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 99 : 101)));
/**
 * Candle 20 closes at 90. Window = candles 1..20: ten 101, nine 99 and 90, mean 99.55,
 * Σ(x − mean)² = 10 × 1.45² + 9 × 0.55² + 9.55² = 114.95, σ = √5.7475 ≈ 2.397394, lower band
 * ≈ 94.755211: an entry at 90, stop 87.3 (−3 %), target 94.5 (+5 %).
 */
const DIP = bar(20, 90);

const strategy = (parameters: Partial<MeanReversionParameters> = {}) =>
  new MeanReversionStrategy('mr-1', meanReversion.parameters.parse(parameters));

type Summary = [candle: number, intent: string, reason: string, price: string];
const summarise = (candles: Candle[], parameters: Partial<MeanReversionParameters> = {}) =>
  replay(strategy(parameters), candles).map((signal): Summary => [
    (signal.bucketStart.getTime() - T0.getTime()) / 3_600_000,
    signal.intent,
    signal.reason,
    signal.price,
  ]);

const ENTRY: Summary = [20, 'entry', 'close-below-lower-band', '90'];

describe('MeanReversionStrategy', () => {
  it('enters long below mean − 2σ with 10 % of equity, a −3 % stop and a +5 % target', () => {
    const [signal, ...rest] = replay(strategy(), [...CALM, DIP]);
    expect(rest).toEqual([]);
    expect(signal).toEqual({
      symbol: 'BTC',
      side: 'bid',
      intent: 'entry',
      size: '111.11111111111111111',
      price: '90',
      stopLoss: '87.3',
      takeProfit: '94.5',
      reason: 'close-below-lower-band',
      indicators: {
        close: '90',
        mean: '99.55',
        stdDev: '2.39739441895',
        lowerBand: '94.7552111621',
        upperBand: '104.344788838',
      },
      bucketStart: DIP.bucketStart,
    });
  });

  it.each<[string, Candle[], Partial<MeanReversionParameters>, Summary[]]>([
    ['nothing while calm', CALM, {}, []],
    // The close moves the band too: at 97.75 the lower band is ≈ 97.7473, at 97.7 ≈ 97.7348.
    ['nothing at a close just above the lower band', [...CALM, bar(20, 97.75)], {}, []],
    [
      'an entry at a close just below it',
      [...CALM, bar(20, 97.7)],
      {},
      [[20, 'entry', 'close-below-lower-band', '97.7']],
    ],
    ['no re-entry while in the position', [...CALM, DIP, bar(21, 88), bar(22, 87.5)], {}, [ENTRY]],
    [
      'stop loss when the low touches entry − 3 %, at the stop',
      [...CALM, DIP, bar(21, 88, { open: 89, high: 89.5, low: 87.3 })],
      {},
      [ENTRY, [21, 'exit', 'stop-loss', '87.3']],
    ],
    [
      'stop loss at the open when the candle gaps through it',
      [...CALM, DIP, bar(21, 86, { open: 86.5, low: 85 })],
      {},
      [ENTRY, [21, 'exit', 'stop-loss', '86.5']],
    ],
    [
      'take profit when the high touches entry + 5 %, at the target',
      [...CALM, DIP, bar(21, 93, { open: 91, high: 94.5, low: 90.5 })],
      {},
      [ENTRY, [21, 'exit', 'take-profit', '94.5']],
    ],
    [
      'nothing when the high stays just under the target',
      [...CALM, DIP, bar(21, 93, { open: 91, high: 94.49, low: 90.5 })],
      {},
      [ENTRY],
    ],
    [
      'the stop wins when one candle touches both',
      [...CALM, DIP, bar(21, 91, { open: 91, high: 95, low: 87 })],
      {},
      [ENTRY, [21, 'exit', 'stop-loss', '87.3']],
    ],
    [
      // Window 2..21: nine 99, nine 101, 90, 120: mean 100.5, σ = √20.65 ≈ 4.544, upper ≈ 109.59.
      'exit above mean + 2σ at the close (target moved out of the way)',
      [...CALM, DIP, bar(21, 120)],
      { takeProfitPct: 50 },
      [ENTRY, [21, 'exit', 'close-above-upper-band', '120']],
    ],
    [
      'a new entry after an exit',
      [...CALM, DIP, bar(21, 88, { low: 87 }), bar(22, 70)],
      {},
      [ENTRY, [21, 'exit', 'stop-loss', '87.3'], [22, 'entry', 'close-below-lower-band', '70']],
    ],
    ['wider entry bands: 90 is not low enough at 5σ', [...CALM, DIP], { entryStdDevs: 5 }, []],
  ])('%s', (_name, candles, parameters, expected) => {
    expect(summarise(candles, parameters)).toEqual(expected);
  });

  it('gives no signal until the window is full: the same dip as the 20th candle enters, as the 19th does not', () => {
    const nineteenth = [...CALM.slice(0, 18), bar(18, 50)];
    expect(replay(strategy(), nineteenth)).toEqual([]);
    const twentieth = [...CALM.slice(0, 19), bar(19, 90)];
    expect(replay(strategy(), twentieth).map((signal) => signal.intent)).toEqual(['entry']);
  });

  it('checks the stop of a restored position before its window is full', () => {
    const restored = [{ symbol: 'BTC', size: '2', entryPrice: '100' }];
    const signals = replay(
      strategy(),
      [bar(0, 99), bar(1, 97.5, { open: 98, low: 96.9 })],
      '100000',
      restored,
    );
    expect(signals.map((signal) => [signal.reason, signal.price, signal.size])).toEqual([
      ['stop-loss', '97', '2'],
    ]);
    expect(signals[0].indicators).toEqual({ close: '97.5' });
  });

  it.each([
    ['a hair above the stop: held', '0.97000000000000001', []],
    ['exactly at the stop: out', '0.9700000000000000097', [['stop-loss', '0.9700000000000000097']]],
  ])('compares stops exactly, beyond what doubles tell apart (%s)', (_name, low, expected) => {
    // stop = 1.00000000000000001 × 0.97 = 0.9700000000000000097; both lows are 0.97 as doubles
    const restored = [{ symbol: 'BTC', size: '2', entryPrice: '1.00000000000000001' }];
    const candle: Candle = { ...bar(0, '0.98'), open: '0.98', low };
    const signals = replay(strategy(), [candle], '100000', restored);
    expect(signals.map((signal) => [signal.reason, signal.price])).toEqual(expected);
  });

  it('leaves a short position alone and does not enter beside it', () => {
    const short = [{ symbol: 'BTC', size: '-1', entryPrice: '100' }];
    expect(replay(strategy(), [...CALM, DIP, bar(21, 200)], '100000', short)).toEqual([]);
  });

  it('restores by warm-up: the candles replayed give the same entry, and repeats are ignored', () => {
    const restored = strategy();
    restored.warmUp(CALM.slice(-restored.warmUpCandles));
    restored.warmUp(CALM);
    expect(replay(restored, [DIP, DIP])).toEqual(replay(strategy(), [...CALM, DIP]));
  });

  it('ignores candles of another timeframe', () => {
    const hourly = strategy({ timeframe: '4h' });
    expect(replay(hourly, [...CALM, DIP])).toEqual([]);
  });

  it('keeps a window per symbol', () => {
    const eth = bars(
      Array.from({ length: 20 }, () => 3_000),
      'ETH',
    );
    const signals = replay(strategy(), [...CALM, ...eth, bar(20, 2_900, {}, 'ETH'), DIP]);
    expect(signals.map((signal) => signal.symbol)).toEqual(['ETH', 'BTC']);
  });

  describe('whales: a fresh ask-side whale blocks entries', () => {
    const CLOSE = new Date(DIP.bucketStart.getTime() + 3_600_000);
    const whale = (
      minutesBeforeClose: number,
      overrides: Partial<WhaleEvent> = {},
    ): WhaleEvent => ({
      symbol: 'BTC',
      side: 'ask',
      kind: 'single',
      notionalUsd: '250000',
      detectedAt: new Date(CLOSE.getTime() - minutesBeforeClose * 60_000),
      ...overrides,
    });

    it.each<[string, WhaleEvent[], Partial<MeanReversionParameters>, boolean]>([
      ['no whale', [], {}, true],
      ['an ask whale 10 min old blocks', [whale(10)], {}, false],
      ['an ask whale exactly 15 min old still blocks', [whale(15)], {}, false],
      ['an ask whale 16 min old is stale', [whale(16)], {}, true],
      [
        'a newer sighting of the same wall renews the block',
        [whale(40), whale(5), whale(30)],
        {},
        false,
      ],
      ['a bid whale does not block a long', [whale(1, { side: 'bid' })], {}, true],
      ['another symbol does not block', [whale(1, { symbol: 'ETH' })], {}, true],
      ['a whale seen after the candle closed does not block it', [whale(-1)], {}, true],
      ['under the notional floor', [whale(1)], { whaleMinNotionalUsd: 250_001 }, true],
      ['at the notional floor', [whale(1)], { whaleMinNotionalUsd: 250_000 }, false],
      ['a longer freshness window', [whale(30)], { whaleMaxAgeMinutes: 60 }, false],
    ])('%s', (_name, whales, parameters, enters) => {
      const subject = strategy(parameters);
      subject.warmUp(CALM);
      whales.forEach((event) => subject.onWhale(event));
      expect(replay(subject, [DIP]).length).toBe(enters ? 1 : 0);
    });

    it('never blocks an exit', () => {
      const subject = strategy();
      subject.warmUp([...CALM, DIP]);
      subject.onWhale(whale(-61));
      const position = [{ symbol: 'BTC', size: '1', entryPrice: '90' }];
      const exit = replay(subject, [bar(21, 88, { low: 87 })], '100000', position);
      expect(exit.map((signal) => signal.reason)).toEqual(['stop-loss']);
    });
  });

  it.each([
    [{}, true],
    [{ lookback: 1 }, false],
    [{ stopLossPct: 100 }, false],
    [{ positionPct: 0 }, false],
    [{ timeframe: '2h' }, false],
    [{ lookbak: 20 }, false],
  ])('validates parameters %j', (parameters, valid) => {
    expect(meanReversion.parameters.safeParse(parameters).success).toBe(valid);
  });
});
