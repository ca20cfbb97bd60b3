import { Decimal } from '@nexwave/core';

/** The serialisable state of one UTC day's loss tracking: what is stored across restarts. */
export interface DailyLossSnapshot {
  /** The UTC date, YYYY-MM-DD. */
  readonly utcDay: string;
  /** Equity at the first observation of that day. */
  readonly startEquityUsd: string;
  readonly startedAt: Date;
  /** When the loss first reached the limit that day; entries stay stopped until the day ends. */
  readonly stoppedAt: Date | null;
}

/** What the daily loss rule sees at one instant. */
export interface DailyLossStatus {
  readonly utcDay: string;
  readonly startEquityUsd: Decimal;
  readonly equityUsd: Decimal;
  /** equity - start equity: the day's realised and unrealised PnL together. */
  readonly dailyPnlUsd: Decimal;
  /** The PnL at which entries stop: -limitPct % of the start equity (negative). */
  readonly limitUsd: Decimal;
  readonly stoppedAt: Date | null;
}

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * Tracks the loss of the current UTC day. The day's starting equity is the equity at the first
 * observation made in that day: at 00:00 UTC for a process that runs across midnight, or whatever
 * it first sees for one that starts (or restarts without a snapshot) mid-day, so a loss taken
 * before that first observation is not counted. Once the day's PnL is at or below
 * -limitPct % of the starting equity the day is stopped, and stays stopped even if the PnL
 * recovers, until the first observation of the next UTC day starts afresh. Equity is marked to
 * market, so the day's PnL (equity - start) holds both realised and unrealised PnL.
 */
export class DailyLossTracker {
  private constructor(
    private state: DailyLossSnapshot | null,
    private readonly limitPct: Decimal,
  ) {}

  /** `limitPct`: 5 means a loss of 5 % of the day's starting equity. */
  static create(limitPct: number): DailyLossTracker {
    return DailyLossTracker.restore(null, limitPct);
  }

  static restore(snapshot: DailyLossSnapshot | null, limitPct: number): DailyLossTracker {
    if (!Number.isFinite(limitPct) || limitPct <= 0) {
      throw new RangeError(`limitPct must be a positive number, got ${limitPct}`);
    }
    return new DailyLossTracker(snapshot, new Decimal(limitPct));
  }

  snapshot(): DailyLossSnapshot | null {
    return this.state;
  }

  /** Records the equity seen at `now`: starts a new day if the UTC date changed, stops the day on a breach. */
  observe(equityUsd: Decimal, now: Date): DailyLossStatus {
    const day = utcDay(now);
    // A late observation stamped with an earlier day must not restart the current one.
    if (this.state === null || day > this.state.utcDay) {
      this.state = {
        utcDay: day,
        startEquityUsd: equityUsd.toFixed(),
        startedAt: now,
        stoppedAt: null,
      };
    }
    const start = new Decimal(this.state.startEquityUsd);
    const dailyPnlUsd = equityUsd.minus(start);
    const limitUsd = start.mul(this.limitPct).div(100).neg();
    if (this.state.stoppedAt === null && dailyPnlUsd.lte(limitUsd)) {
      this.state = { ...this.state, stoppedAt: now };
    }
    return {
      utcDay: this.state.utcDay,
      startEquityUsd: start,
      equityUsd,
      dailyPnlUsd,
      limitUsd,
      stoppedAt: this.state.stoppedAt,
    };
  }
}
