/** A run of bars: [from, to) in epoch ms. */
export interface BarRange {
  readonly from: number;
  readonly to: number;
}

/**
 * The closed bars of [from, to) (aligned to the bar size, ending before `now`) cut into windows
 * of at most `barsPerWindow` bars, the oldest first: one history request each.
 */
export function historyWindows(
  range: BarRange,
  barMs: number,
  barsPerWindow: number,
  now: number,
): BarRange[] {
  const first = Math.ceil(range.from / barMs) * barMs;
  const end = Math.min(Math.floor(range.to / barMs), Math.floor(now / barMs)) * barMs;
  const windows: BarRange[] = [];
  for (let from = first; from < end; from += barsPerWindow * barMs) {
    windows.push({ from, to: Math.min(from + barsPerWindow * barMs, end) });
  }
  return windows;
}

/** Bars of `window` whose open time is not in `stored`, merged into runs, the oldest first. */
export function missingBars(
  window: BarRange,
  barMs: number,
  stored: ReadonlySet<number>,
): BarRange[] {
  const gaps: BarRange[] = [];
  for (let open = window.from; open < window.to; open += barMs) {
    if (stored.has(open)) {
      continue;
    }
    const last = gaps[gaps.length - 1];
    if (last && last.to === open) {
      gaps[gaps.length - 1] = { from: last.from, to: open + barMs };
    } else {
      gaps.push({ from: open, to: open + barMs });
    }
  }
  return gaps;
}

export function barCount(range: BarRange, barMs: number): number {
  return Math.max(0, Math.round((range.to - range.from) / barMs));
}
