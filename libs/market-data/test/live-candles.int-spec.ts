import { encodeStreamEntry, StreamFamilies, type TradeV1 } from '@nexwave/messaging';
import { MemoryStreamAdapter } from '@nexwave/messaging/testing';

import { LiveCandles } from '../src/infrastructure/live/live-candles';
import { throttledCandles } from '../src/interface/graphql/throttled-candles';

let tradeIds = 0;

function trade(price: string, size: string, time: string): TradeV1 {
  tradeIds += 1;
  return { symbol: 'BTC', tradeId: String(tradeIds), price, size, side: 'bid', time };
}

// The forming candle read from the in-memory trade stream (the Redis adapter passes the same
// stream-port suite), throttled per subscription as candleUpdated sends it.
describe('LiveCandles over the trade stream', () => {
  const streams = new MemoryStreamAdapter();
  const live = new LiveCandles(streams);

  async function append(each: TradeV1): Promise<void> {
    const { stream, fields } = encodeStreamEntry(StreamFamilies.Trades, each);
    await streams.append(stream, fields);
  }

  afterAll(async () => {
    await live.onApplicationShutdown();
    await streams.close();
  });

  it('builds the forming candle from the retained trades and the new ones, the latest winning within the interval', async () => {
    await append(trade('97000', '0.5', '2026-01-15T12:00:01.000Z'));
    const candles = await throttledCandles(live, 'BTC', '1m', 2_000);
    const first = await candles.next();
    expect(first.value).toMatchObject({ open: '97000', volume: '0.5', tradeCount: 1 });

    await append(trade('97100', '0.25', '2026-01-15T12:00:02.000Z'));
    await append(trade('96900', '0.25', '2026-01-15T12:00:03.000Z'));
    const second = await candles.next();
    expect(second.value).toEqual({
      symbol: 'BTC',
      timeframe: '1m',
      start: new Date('2026-01-15T12:00:00.000Z'),
      open: '97000',
      high: '97100',
      low: '96900',
      close: '96900',
      volume: '1',
      tradeCount: 3,
    });
    await candles.return?.();
  });

  it('sends a new subscriber the current candle at once, and stops watching once ended', async () => {
    const candles = await throttledCandles(live, 'BTC', '5m');
    expect((await candles.next()).value).toMatchObject({ tradeCount: 3, close: '96900' });
    await candles.return?.();
    await append(trade('98000', '1', '2026-01-15T12:00:04.000Z'));
    await expect(candles.next()).resolves.toEqual({ value: undefined, done: true });
  });
});
