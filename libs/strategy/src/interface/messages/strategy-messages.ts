import type { CandleV1, OrderEventV1, WhaleDetectedV1 } from '@nexwave/messaging';

import type { OrderProgress } from '../../domain/engine/strategy-book';
import type { Candle, WhaleEvent } from '../../domain/strategy';

export function toCandle(message: CandleV1): Candle {
  return {
    symbol: message.symbol,
    timeframe: message.timeframe,
    bucketStart: new Date(message.bucketStart),
    open: message.open,
    high: message.high,
    low: message.low,
    close: message.close,
    volume: message.volume,
  };
}

/** A whale counts from when it was last seen resting. */
export function toWhaleEvent(message: WhaleDetectedV1): WhaleEvent {
  return {
    symbol: message.symbol,
    side: message.side,
    kind: message.kind,
    notionalUsd: message.notionalUsd,
    detectedAt: new Date(message.lastSeenAt),
  };
}

export function toOrderProgress(message: OrderEventV1): OrderProgress {
  return {
    clientOrderId: message.clientOrderId,
    sequence: message.sequence,
    symbol: message.symbol,
    side: message.side,
    filledAmount: message.filledAmount,
    averageFillPrice: message.averageFillPrice,
    feeUsd: message.feeUsd,
    at: new Date(message.eventAt),
  };
}
