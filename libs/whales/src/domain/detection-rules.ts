import { Decimal } from '@nexwave/core';

import { WhalesError } from './whales.errors';

export interface LadderRules {
  /** Fewest adjacent levels that make a ladder (the original's "3+ consecutive similar orders"). */
  readonly minLevels: number;
  /** "Similar": every level within ±sizeTolerance of the ladder's median amount (0.2 = 20%). */
  readonly sizeTolerance: number;
  /** The ladder's median amount over the median amount of the levels outside it. */
  readonly minSizeVsMedian: number;
  /** "Consecutive": each price step within [1/r, r] times the ladder's first step. */
  readonly maxStepRatio: number;
}

export interface DetectionRules {
  /** A whale's USD notional must be strictly over this (the original: "whales > $25K"). */
  readonly thresholdUsd: Decimal.Value;
  /** A single level must be strictly over this share of both sides' total amount (0.01 = 1%). */
  readonly minShareOfBook: number;
  /** A single level's amount over the median amount of the rest of the book. */
  readonly minSizeVsMedian: number;
  readonly ladder: LadderRules;
}

/**
 * Defaults. The original's only single-level rule was "> 1% of total volume"; Pacifica shows at
 * most 10 levels a side, so an average level already holds ~5% of the book and the 1% rule lets
 * nearly every level through, and in a deep market every level is also over $25k. Hence the extra
 * stand-out rules: a single whale is at least 3x the median level of the rest of the book, a
 * ladder's levels at least 2.5x (at 2x, three neighbouring market-maker levels that happen to be
 * large passed as a ladder; tuned with the ground-truth evaluator, docs/architecture.md).
 * Set minSizeVsMedian to 0 for the original's rule alone.
 */
export const DEFAULT_DETECTION_RULES: DetectionRules = {
  thresholdUsd: 25_000,
  minShareOfBook: 0.01,
  minSizeVsMedian: 3,
  ladder: { minLevels: 3, sizeTolerance: 0.2, minSizeVsMedian: 2.5, maxStepRatio: 2 },
};

export interface DetectionRulesOverrides extends Partial<Omit<DetectionRules, 'ladder'>> {
  readonly ladder?: Partial<LadderRules>;
}

/** The defaults with `overrides` applied, checked once here rather than on every book. */
export function detectionRules(overrides: DetectionRulesOverrides = {}): DetectionRules {
  const rules: DetectionRules = {
    ...DEFAULT_DETECTION_RULES,
    ...overrides,
    ladder: { ...DEFAULT_DETECTION_RULES.ladder, ...overrides.ladder },
  };
  const problems = [
    !isPositiveDecimal(rules.thresholdUsd) && 'thresholdUsd must be a positive number',
    !(rules.minShareOfBook >= 0 && rules.minShareOfBook < 1) && 'minShareOfBook must be in [0, 1)',
    !(rules.minSizeVsMedian >= 0) && 'minSizeVsMedian must be >= 0',
    !(Number.isInteger(rules.ladder.minLevels) && rules.ladder.minLevels >= 2) &&
      'ladder.minLevels must be an integer >= 2',
    !(rules.ladder.sizeTolerance >= 0 && rules.ladder.sizeTolerance < 1) &&
      'ladder.sizeTolerance must be in [0, 1)',
    !(rules.ladder.minSizeVsMedian >= 0) && 'ladder.minSizeVsMedian must be >= 0',
    !(rules.ladder.maxStepRatio >= 1) && 'ladder.maxStepRatio must be >= 1',
  ].filter((problem): problem is string => typeof problem === 'string');
  if (problems.length > 0) {
    throw new WhalesError('INVALID_RULES', `Invalid whale detection rules: ${problems.join('; ')}`);
  }
  return rules;
}

export interface WhaleThresholds {
  /** WHALE_THRESHOLD_USD. */
  readonly defaultUsd: Decimal.Value;
  /** Per-symbol overrides, keyed by the exact, case-sensitive symbol. */
  readonly perSymbol?: Readonly<Record<string, Decimal.Value>>;
}

/**
 * The threshold for one symbol. The lookup is case-sensitive on purpose: the original upper-cased
 * the symbol, so `kBONK` and `kPEPE` never matched their own row and fell back to the default.
 */
export function whaleThresholdUsd(symbol: string, thresholds: WhaleThresholds): Decimal.Value {
  const perSymbol = thresholds.perSymbol ?? {};
  return Object.hasOwn(perSymbol, symbol) ? perSymbol[symbol] : thresholds.defaultUsd;
}

function isPositiveDecimal(value: Decimal.Value): boolean {
  try {
    const decimal = new Decimal(value);
    return decimal.isFinite() && decimal.gt(0);
  } catch {
    return false;
  }
}
