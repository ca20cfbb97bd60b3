import { seededRandom } from '@nexwave/core';

import { OptimiseError } from './optimise.errors';

/** The values one parameter takes: `lookback=10:40:5` is 10, 15, ..., 40; `mode=a,b` a list. */
export interface ParameterRange {
  readonly name: string;
  readonly values: readonly (number | string)[];
}

export type ParameterSet = Readonly<Record<string, number | string>>;

const MAX_VALUES = 10_000;

/** `name=from:to:step` (inclusive, step > 0), `name=v1,v2,...` or `name=v`. Throws naming the parameter. */
export function parseRange(spec: string): ParameterRange {
  const equals = spec.indexOf('=');
  const name = (equals < 0 ? spec : spec.slice(0, equals)).trim();
  const body = spec.slice(equals + 1).trim();
  const invalid = (why: string) =>
    new OptimiseError('INVALID_RANGE', `parameter ${name || spec}: ${why} (got "${spec}")`, {
      parameter: name || spec,
    });
  if (equals <= 0 || body === '') {
    throw invalid('expected name=from:to:step or name=v1,v2');
  }
  if (!body.includes(':')) {
    return {
      name,
      values: body
        .split(',')
        .map((v) => (v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v.trim())),
    };
  }
  const parts = body.split(':').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) {
    throw invalid('from:to:step must be three numbers');
  }
  const [from, to, step] = parts;
  if (step <= 0 || to < from) {
    throw invalid('step must be positive and to at least from');
  }
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > MAX_VALUES) {
    throw invalid(`more than ${MAX_VALUES} values`);
  }
  // Rounded to the step's decimals: 1.5 + 3 × 0.1 is 1.8, not 1.8000000000000003.
  const decimals =
    (String(step).split('.')[1] ?? '').length + (String(from).split('.')[1] ?? '').length;
  return {
    name,
    values: Array.from({ length: count }, (_, i) => Number((from + i * step).toFixed(decimals))),
  };
}

/** Several ranges, each parameter once. */
export function parseRanges(specs: readonly string[]): ParameterRange[] {
  const ranges = specs.map(parseRange);
  const seen = new Set<string>();
  for (const { name } of ranges) {
    if (seen.has(name)) {
      throw new OptimiseError('DUPLICATE_PARAMETER', `parameter ${name} is given twice`, {
        parameter: name,
      });
    }
    seen.add(name);
  }
  return ranges;
}

/** Every combination (the first range varies slowest). */
export function gridSets(ranges: readonly ParameterRange[]): ParameterSet[] {
  return ranges.reduce<ParameterSet[]>(
    (sets, range) =>
      sets.flatMap((set) => range.values.map((value) => ({ ...set, [range.name]: value }))),
    [{}],
  );
}

/** `count` distinct combinations drawn with `seed` (all of them, in grid order, when the grid is no larger). */
export function randomSets(
  ranges: readonly ParameterRange[],
  count: number,
  seed: number,
): ParameterSet[] {
  const size = ranges.reduce((n, r) => n * r.values.length, 1);
  if (size <= count) {
    return gridSets(ranges);
  }
  const random = seededRandom(seed);
  const picked = new Map<string, ParameterSet>();
  while (picked.size < count) {
    const set = Object.fromEntries(
      ranges.map((r) => [r.name, r.values[Math.floor(random() * r.values.length)]]),
    );
    picked.set(JSON.stringify(set), set);
  }
  return [...picked.values()];
}
