/** Integration topics: `<context>.<message>.v<N>`. A breaking change is a new `.v2` topic. */
export const Topics = {
  WhalesDetected: 'whales.detected.v1',
  OrdersRequests: 'orders.requests.v1',
  OrdersEvents: 'orders.events.v1',
  OrdersCommands: 'orders.commands.v1',
  OrdersBreaker: 'orders.breaker.v1',
  RiskChecks: 'risk.checks.v1',
  StrategyCommands: 'strategy.commands.v1',
  MarketDataTrades: 'marketdata.trades.v1',
  MarketDataCandles: 'marketdata.candles.v1',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

export const ALL_TOPICS: readonly Topic[] = Object.values(Topics);

export function isTopic(value: string): value is Topic {
  return (ALL_TOPICS as readonly string[]).includes(value);
}

/** Where a consumer puts a message it cannot handle: `<topic>.dlq`. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

/**
 * Redis stream families, one stream per symbol: `<family>:{SYMBOL}`, symbols keep their case
 * (`orderbook:kBONK`). A breaking change to an entry is a new family (`orderbook.v2`), both
 * written until every reader has moved.
 */
export const StreamFamilies = {
  OrderBook: 'orderbook',
  Trades: 'trades',
} as const;

export type StreamFamily = (typeof StreamFamilies)[keyof typeof StreamFamilies];

export function streamName(family: StreamFamily, symbol: string): string {
  return `${family}:${symbol}`;
}

export function orderBookStream(symbol: string): string {
  return streamName(StreamFamilies.OrderBook, symbol);
}

export function tradesStream(symbol: string): string {
  return streamName(StreamFamilies.Trades, symbol);
}

/** Where a stream's poison entries go. */
export function deadLetterStream(stream: string): string {
  return `${stream}.dlq`;
}
