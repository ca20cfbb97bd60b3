import { OptimiseError } from './optimise.errors';

export interface Window {
  readonly from: Date;
  readonly to: Date;
}

export interface Fold {
  readonly index: number;
  /** Where the parameters are chosen. */
  readonly inSample: Window;
  /** The next, unseen window, where the chosen set is judged. */
  readonly outOfSample: Window;
}

/**
 * Rolling walk-forward: [from, to) cut into `folds` + 1 equal segments (whole milliseconds, the
 * last takes the remainder); fold i optimises on segment i and is judged on segment i + 1.
 */
export function walkForwardFolds(from: Date, to: Date, folds: number): Fold[] {
  if (!Number.isInteger(folds) || folds < 1) {
    throw new OptimiseError(
      'INVALID_FOLDS',
      `walk-forward: folds must be a positive integer (got ${folds})`,
      {
        parameter: 'walk-forward',
      },
    );
  }
  const start = from.getTime();
  const span = to.getTime() - start;
  const segment = Math.floor(span / (folds + 1));
  if (segment < 1) {
    throw new OptimiseError(
      'INVALID_FOLDS',
      `walk-forward: [from, to) is too short for ${folds} folds`,
      {
        parameter: 'walk-forward',
      },
    );
  }
  const edge = (i: number) => new Date(i === folds + 1 ? to.getTime() : start + i * segment);
  return Array.from({ length: folds }, (_, i) => ({
    index: i,
    inSample: { from: edge(i), to: edge(i + 1) },
    outOfSample: { from: edge(i + 1), to: edge(i + 2) },
  }));
}
