import { CommandBus } from '@nestjs/cqrs';

import {
  ContractStreamReader,
  processUniqueName,
  StreamFamilies,
  StreamPort,
} from '@nexwave/messaging';

import { RecordTradePriceCommand } from '../../application/commands/record-trade-price.command';
import { WHALE_TRACKER_GROUP } from './order-book-stream.reader';

/**
 * Reads `trades:{SYMBOL}` (contract marketdata.trades v1) in the `whale-tracker` group and records
 * each trade in the tracker's own price log (RecordTradePriceCommand), from every retained entry the group has not seen: after a
 * restart, the trades written meanwhile are still recorded, so impact horizons missed while the
 * tracker was down are measured.
 */
export class TradeStreamReader {
  private readonly reader: ContractStreamReader<typeof StreamFamilies.Trades>;

  constructor(
    streams: StreamPort,
    private readonly commands: CommandBus,
  ) {
    this.reader = new ContractStreamReader(streams, StreamFamilies.Trades, {
      group: WHALE_TRACKER_GROUP,
      consumer: processUniqueName(),
      startId: '0',
      batchSize: 100,
    });
  }

  start(symbols: readonly string[]): Promise<void> {
    return this.reader.start(symbols, (trade) =>
      this.commands.execute(
        new RecordTradePriceCommand({
          symbol: trade.symbol,
          price: trade.price,
          time: new Date(trade.time),
        }),
      ),
    );
  }

  stop(): Promise<void> {
    return this.reader.stop();
  }
}
