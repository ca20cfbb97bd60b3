import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';

import { MessageBusPort, Topics } from '@nexwave/messaging';

import { CandleClosedEvent } from './candle-closed.event';

/** Every closed candle leaves the context as a marketdata.candles.v1 message. */
@EventsHandler(CandleClosedEvent)
export class PublishCandleClosedHandler implements IEventHandler<CandleClosedEvent> {
  constructor(private readonly messages: MessageBusPort) {}

  async handle({ symbol, timeframe, candle }: CandleClosedEvent): Promise<void> {
    await this.messages.publish(Topics.MarketDataCandles, {
      symbol,
      timeframe,
      bucketStart: candle.time,
      open: candle.open,
      high: candle.high,
      low: candle.low,
      close: candle.close,
      volume: candle.volume,
      tradeCount: candle.tradeCount,
    });
  }
}
