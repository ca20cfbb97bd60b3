import { ContractStreamReader, StreamFamilies, StreamPort } from '@nexwave/messaging';

import { TradePriceLogPort } from '../../application/ports/trade-price-log.port';
import { WHALE_TRACKER_GROUP, whaleTrackerConsumer } from './order-book-stream.reader';

/**
 * Reads `trades:{SYMBOL}` (contract marketdata.trades v1) in the `whale-tracker` group into the
 * tracker's own trade price log, from every retained entry the group has not seen: after a
 * restart, the trades written meanwhile are still recorded, so impact horizons missed while the
 * tracker was down are measured.
 */
export class TradeStreamReader {
  private readonly reader: ContractStreamReader<typeof StreamFamilies.Trades>;

  constructor(
    streams: StreamPort,
    private readonly prices: TradePriceLogPort,
  ) {
    this.reader = new ContractStreamReader(streams, StreamFamilies.Trades, {
      group: WHALE_TRACKER_GROUP,
      consumer: whaleTrackerConsumer(),
      startId: '0',
      batchSize: 100,
    });
  }

  start(symbols: readonly string[]): Promise<void> {
    return this.reader.start(symbols, (trade) =>
      this.prices.record({ symbol: trade.symbol, price: trade.price, time: new Date(trade.time) }),
    );
  }

  stop(): Promise<void> {
    return this.reader.stop();
  }
}
