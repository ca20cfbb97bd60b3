import { InMemoryCandleAggregates } from '../../testing/in-memory-candle-aggregates';
import { RefreshCandlesCommand } from './refresh-candles.command';
import { RefreshCandlesHandler } from './refresh-candles.handler';

const NOW = new Date('2026-03-01T12:00:00Z');
const LATE = new Date('2026-03-01T10:58:00Z');

describe('RefreshCandlesHandler', () => {
  it('runs the routine refresh, or the one from late trades, and answers whether it succeeded', async () => {
    const aggregates = new InMemoryCandleAggregates();
    const handler = new RefreshCandlesHandler(aggregates);

    expect(await handler.execute(new RefreshCandlesCommand(NOW))).toBe(true);
    expect(await handler.execute(new RefreshCandlesCommand(NOW, LATE))).toBe(true);
    aggregates.fails = true;
    expect(await handler.execute(new RefreshCandlesCommand(NOW))).toBe(false);

    expect(aggregates.refreshes).toEqual([
      { from: null, now: NOW },
      { from: LATE, now: NOW },
      { from: null, now: NOW },
    ]);
  });
});
