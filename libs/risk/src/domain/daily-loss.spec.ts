import { Decimal } from '@nexwave/core';

import { DailyLossTracker } from './daily-loss';

const at = (iso: string) => new Date(iso);
const usd = (value: Decimal.Value) => new Decimal(value);

describe('DailyLossTracker', () => {
  it('takes the first observation of a process started mid-day as the day start equity', () => {
    const tracker = DailyLossTracker.create(5);

    const first = tracker.observe(usd(80_000), at('2026-03-10T15:30:00.000Z'));
    const later = tracker.observe(usd(77_000), at('2026-03-10T18:00:00.000Z'));

    expect(first).toMatchObject({ utcDay: '2026-03-10', dailyPnlUsd: usd(0), stoppedAt: null });
    expect(later.startEquityUsd).toEqual(usd(80_000));
    expect(later.dailyPnlUsd).toEqual(usd(-3000));
    expect(later.limitUsd).toEqual(usd(-4000));
    expect(tracker.snapshot()).toEqual({
      utcDay: '2026-03-10',
      startEquityUsd: '80000',
      startedAt: at('2026-03-10T15:30:00.000Z'),
      stoppedAt: null,
    });
  });

  it('stops at the limit and stays stopped for the day even when the PnL recovers', () => {
    const tracker = DailyLossTracker.create(5);
    tracker.observe(usd(100_000), at('2026-03-10T00:00:00.000Z'));

    const breach = tracker.observe(usd(95_000), at('2026-03-10T09:00:00.000Z'));
    const recovered = tracker.observe(usd(101_000), at('2026-03-10T10:00:00.000Z'));

    expect(breach.stoppedAt).toEqual(at('2026-03-10T09:00:00.000Z'));
    expect(recovered.stoppedAt).toEqual(at('2026-03-10T09:00:00.000Z'));
    expect(recovered.dailyPnlUsd).toEqual(usd(1000));
  });

  it('keeps the time of the first breach when the loss deepens', () => {
    const tracker = DailyLossTracker.create(5);
    tracker.observe(usd(100_000), at('2026-03-10T00:00:00.000Z'));
    tracker.observe(usd(94_000), at('2026-03-10T09:00:00.000Z'));

    const deeper = tracker.observe(usd(90_000), at('2026-03-10T11:00:00.000Z'));

    expect(deeper.stoppedAt).toEqual(at('2026-03-10T09:00:00.000Z'));
  });

  it.each([
    [
      '23:59:59.999 is still the stopped day',
      '2026-03-10T23:59:59.999Z',
      '2026-03-10',
      '100000',
      true,
    ],
    [
      '00:00:00.000 starts the next day afresh',
      '2026-03-11T00:00:00.000Z',
      '2026-03-11',
      '94000',
      false,
    ],
  ])('%s', (_case, iso, day, start, stopped) => {
    const tracker = DailyLossTracker.create(5);
    tracker.observe(usd(100_000), at('2026-03-10T08:00:00.000Z'));
    tracker.observe(usd(94_000), at('2026-03-10T12:00:00.000Z'));

    const status = tracker.observe(usd(94_000), at(iso));

    expect(status.utcDay).toBe(day);
    expect(status.startEquityUsd.toFixed()).toBe(start);
    expect(status.stoppedAt !== null).toBe(stopped);
  });

  it('keeps a stopped day over a restart from its snapshot, and drops it on a later day', () => {
    const before = DailyLossTracker.create(5);
    before.observe(usd(100_000), at('2026-03-10T01:00:00.000Z'));
    before.observe(usd(90_000), at('2026-03-10T02:00:00.000Z'));
    const snapshot = before.snapshot();

    const sameDay = DailyLossTracker.restore(snapshot, 5).observe(
      usd(99_000),
      at('2026-03-10T20:00:00.000Z'),
    );
    const nextDay = DailyLossTracker.restore(snapshot, 5).observe(
      usd(99_000),
      at('2026-03-11T03:00:00.000Z'),
    );

    expect(sameDay).toMatchObject({
      startEquityUsd: usd(100_000),
      stoppedAt: at('2026-03-10T02:00:00.000Z'),
    });
    expect(nextDay).toMatchObject({
      utcDay: '2026-03-11',
      startEquityUsd: usd(99_000),
      stoppedAt: null,
    });
  });

  it('does not restart the day for a late observation stamped with the previous day', () => {
    const tracker = DailyLossTracker.create(5);
    tracker.observe(usd(100_000), at('2026-03-11T00:00:01.000Z'));

    const late = tracker.observe(usd(96_000), at('2026-03-10T23:59:59.000Z'));

    expect(late).toMatchObject({ utcDay: '2026-03-11', startEquityUsd: usd(100_000) });
  });

  it('refuses a limit that is not a positive number', () => {
    expect(() => DailyLossTracker.create(0)).toThrow('limitPct must be a positive number, got 0');
  });
});
