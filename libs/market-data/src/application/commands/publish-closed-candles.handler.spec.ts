import { EventBus, type IEvent } from '@nestjs/cqrs';

import { CandleCloseCursor } from '../../domain/closed-buckets';
import { InMemoryClosedCandles } from '../../testing/in-memory-closed-candles';
import { CandleClosedEvent } from '../events/candle-closed.event';
import type { SymbolCandle } from '../ports/closed-candles.port';
import { PublishClosedCandlesCommand } from './publish-closed-candles.command';
import { PublishClosedCandlesHandler } from './publish-closed-candles.handler';

const at = (iso: string) => new Date(iso);

function candle(symbol: string, time: string, close: string): SymbolCandle {
  return {
    symbol,
    time,
    open: '100',
    high: '110',
    low: '90',
    close,
    volume: '3',
    vwap: '101',
    tradeCount: 2,
  };
}

function setup() {
  const candles = new InMemoryClosedCandles();
  const published: IEvent[] = [];
  const events = {
    publishAll: (batch: IEvent[]) => published.push(...batch),
  } as unknown as EventBus;
  const handler = new PublishClosedCandlesHandler(
    new CandleCloseCursor(at('2026-01-15T12:04:30Z')),
    candles,
    events,
  );
  candles.set({ timeframe: '1m', start: at('2026-01-15T12:04:00Z') }, [
    candle('BTC', '2026-01-15T12:04:00.000Z', '105'),
    candle('ETH', '2026-01-15T12:04:00.000Z', '3300'),
  ]);
  candles.set({ timeframe: '5m', start: at('2026-01-15T12:00:00Z') }, [
    candle('BTC', '2026-01-15T12:00:00.000Z', '105'),
  ]);
  const described = () =>
    published.map((event) => {
      const closed = event as CandleClosedEvent;
      return `${closed.symbol} ${closed.timeframe} ${closed.candle.time}`;
    });
  return { handler, candles, published, described };
}

describe('PublishClosedCandlesHandler', () => {
  it('publishes one CandleClosedEvent per symbol of each due bucket, oldest bucket first', async () => {
    const { handler, published, described } = setup();

    expect(await handler.execute(new PublishClosedCandlesCommand(at('2026-01-15T12:05:10Z')))).toBe(
      3,
    );

    expect(published.every((event) => event instanceof CandleClosedEvent)).toBe(true);
    expect(described()).toEqual([
      'BTC 1m 2026-01-15T12:04:00.000Z',
      'ETH 1m 2026-01-15T12:04:00.000Z',
      'BTC 5m 2026-01-15T12:00:00.000Z',
    ]);
    expect((published[0] as CandleClosedEvent).candle).toEqual({
      time: '2026-01-15T12:04:00.000Z',
      open: '100',
      high: '110',
      low: '90',
      close: '105',
      volume: '3',
      vwap: '101',
      tradeCount: 2,
    });
  });

  it('never publishes a bucket twice, and retries one whose read failed', async () => {
    const { handler, candles, described } = setup();
    candles.fails = true;
    await expect(
      handler.execute(new PublishClosedCandlesCommand(at('2026-01-15T12:05:10Z'))),
    ).rejects.toThrow('database unavailable');
    candles.fails = false;

    expect(await handler.execute(new PublishClosedCandlesCommand(at('2026-01-15T12:05:20Z')))).toBe(
      3,
    );
    expect(await handler.execute(new PublishClosedCandlesCommand(at('2026-01-15T12:05:30Z')))).toBe(
      0,
    );
    expect(described()).toHaveLength(3);
    expect(candles.reads.map((bucket) => bucket.timeframe)).toEqual(['1m', '1m', '5m']);
  });
});
