import { DEFAULT_DETECTION_RULES, detectionRules, whaleThresholdUsd } from './detection-rules';
import { WhalesError } from './whales.errors';

describe('detectionRules', () => {
  it('defaults to the original rules plus the stand-out rules', () => {
    expect(detectionRules()).toEqual({
      thresholdUsd: 25_000,
      minShareOfBook: 0.01,
      minSizeVsMedian: 3,
      ladder: { minLevels: 3, sizeTolerance: 0.2, minSizeVsMedian: 2.5, maxStepRatio: 2 },
    });
    expect(detectionRules()).toEqual(DEFAULT_DETECTION_RULES);
  });

  it('applies overrides, ladder fields one by one', () => {
    const rules = detectionRules({ thresholdUsd: '5000', ladder: { minLevels: 4 } });
    expect(rules.thresholdUsd).toBe('5000');
    expect(rules.ladder).toEqual({ ...DEFAULT_DETECTION_RULES.ladder, minLevels: 4 });
  });

  it.each([
    [{ thresholdUsd: 0 }, /thresholdUsd must be a positive number/],
    [{ thresholdUsd: 'lots' }, /thresholdUsd/],
    [{ minShareOfBook: 1 }, /minShareOfBook/],
    [{ minSizeVsMedian: -1 }, /minSizeVsMedian must be >= 0/],
    [{ ladder: { minLevels: 1 } }, /ladder.minLevels/],
    [{ ladder: { minLevels: 3.5 } }, /ladder.minLevels/],
    [{ ladder: { sizeTolerance: -0.1 } }, /ladder.sizeTolerance/],
    [{ ladder: { maxStepRatio: 0.5 } }, /ladder.maxStepRatio/],
    [{ ladder: { minSizeVsMedian: NaN } }, /ladder.minSizeVsMedian/],
  ])('rejects %j', (overrides, message) => {
    expect(() => detectionRules(overrides)).toThrow(message);
    expect(() => detectionRules(overrides)).toThrow(WhalesError);
  });
});

describe('whaleThresholdUsd', () => {
  const thresholds = { defaultUsd: 25_000, perSymbol: { kBONK: '5000', ETH: 40_000 } };

  it.each([
    ['BTC', 25_000],
    ['ETH', 40_000],
    ['kBONK', '5000'],
    ['KBONK', 25_000],
    ['toString', 25_000],
  ])('%s -> %s (case-sensitive, own keys only)', (symbol, expected) => {
    expect(whaleThresholdUsd(symbol, thresholds)).toBe(expected);
  });

  it('uses the default when there are no overrides', () => {
    expect(whaleThresholdUsd('SOL', { defaultUsd: '10000' })).toBe('10000');
  });
});

describe('detectionRules bounds (mutation testing)', () => {
  it('accepts every bound that is included', () => {
    expect(() =>
      detectionRules({
        minShareOfBook: 0,
        minSizeVsMedian: 0,
        ladder: { minLevels: 2, sizeTolerance: 0, minSizeVsMedian: 0, maxStepRatio: 1 },
      }),
    ).not.toThrow();
  });

  it('rejects a negative minShareOfBook', () => {
    expect(() => detectionRules({ minShareOfBook: -0.1 })).toThrow(
      'minShareOfBook must be in [0, 1)',
    );
  });

  it('rejects a sizeTolerance of 1 and names every problem', () => {
    expect(() =>
      detectionRules({ minShareOfBook: 1, ladder: { sizeTolerance: 1, maxStepRatio: 0.5 } }),
    ).toThrow(
      'Invalid whale detection rules: minShareOfBook must be in [0, 1); ' +
        'ladder.sizeTolerance must be in [0, 1); ladder.maxStepRatio must be >= 1',
    );
  });
});
