import { z } from 'zod';

import { StreamFamilies, StreamFamily, Topic, Topics } from '../topics';
import { CandleV1, candleV1Schema } from './market-data/candle.v1';
import { OrderBookV1, orderBookV1Schema } from './market-data/order-book.v1';
import { TradeV1, tradeV1Schema } from './market-data/trade.v1';
import { BreakerChangedV1, breakerChangedV1Schema } from './orders/breaker-changed.v1';
import {
  OrderCommandReplyV1,
  orderCommandReplyV1Schema,
  OrderCommandV1,
  orderCommandV1Schema,
} from './orders/order-command.v1';
import { OrderEventV1, orderEventV1Schema } from './orders/order-event.v1';
import { OrderRequestV1, orderRequestV1Schema } from './orders/order-request.v1';
import {
  RiskCheckReplyV1,
  riskCheckReplyV1Schema,
  RiskCheckV1,
  riskCheckV1Schema,
} from './risk/risk-check.v1';
import {
  StrategyCommandReplyV1,
  strategyCommandReplyV1Schema,
  StrategyCommandV1,
  strategyCommandV1Schema,
} from './strategy/strategy-command.v1';
import { WhaleDetectedV1, whaleDetectedV1Schema } from './whales/whale-detected.v1';

/** The payload type of each topic. */
export interface TopicPayloads {
  'whales.detected.v1': WhaleDetectedV1;
  'orders.requests.v1': OrderRequestV1;
  'orders.events.v1': OrderEventV1;
  'orders.commands.v1': OrderCommandV1;
  'orders.breaker.v1': BreakerChangedV1;
  'risk.checks.v1': RiskCheckV1;
  'strategy.commands.v1': StrategyCommandV1;
  'marketdata.trades.v1': TradeV1;
  'marketdata.candles.v1': CandleV1;
}

/** The reply type of each request/reply topic. */
export interface TopicReplies {
  'orders.commands.v1': OrderCommandReplyV1;
  'risk.checks.v1': RiskCheckReplyV1;
  'strategy.commands.v1': StrategyCommandReplyV1;
}

export type RequestTopic = keyof TopicReplies;

export interface Contract<P = unknown> {
  topic: Topic;
  /** Envelope `type`: the topic without its version. */
  type: string;
  v: number;
  schema: z.ZodType<P>;
  /** Partition key: messages with one key are handled in order. */
  key: (payload: P) => string;
  reply?: z.ZodType;
}

/**
 * Commands on one order are keyed by its clientOrderId; the breaker's commands and cancel_all
 * share one key, so a halt, a resume and a cancel-all are never reordered.
 */
const ORDER_BREAKER_KEY = 'order-circuit-breaker';

function orderCommandKey(command: OrderCommandV1): string {
  switch (command.command) {
    case 'place':
      return command.request.clientOrderId;
    case 'cancel':
      return command.clientOrderId;
    case 'cancel_all':
    case 'halt':
    case 'resume':
    case 'status':
      return ORDER_BREAKER_KEY;
  }
}

export const contracts: { readonly [T in Topic]: Contract<TopicPayloads[T]> } = {
  [Topics.WhalesDetected]: {
    topic: Topics.WhalesDetected,
    type: 'whales.detected',
    v: 1,
    schema: whaleDetectedV1Schema,
    key: (whale) => whale.symbol,
  },
  [Topics.OrdersRequests]: {
    topic: Topics.OrdersRequests,
    type: 'orders.requests',
    v: 1,
    schema: orderRequestV1Schema,
    key: (request) => request.clientOrderId,
  },
  [Topics.OrdersEvents]: {
    topic: Topics.OrdersEvents,
    type: 'orders.events',
    v: 1,
    schema: orderEventV1Schema,
    key: (event) => event.clientOrderId,
  },
  [Topics.OrdersCommands]: {
    topic: Topics.OrdersCommands,
    type: 'orders.commands',
    v: 1,
    schema: orderCommandV1Schema,
    key: orderCommandKey,
    reply: orderCommandReplyV1Schema,
  },
  [Topics.OrdersBreaker]: {
    topic: Topics.OrdersBreaker,
    type: 'orders.breaker',
    v: 1,
    schema: breakerChangedV1Schema,
    key: () => ORDER_BREAKER_KEY,
  },
  [Topics.RiskChecks]: {
    topic: Topics.RiskChecks,
    type: 'risk.checks',
    v: 1,
    schema: riskCheckV1Schema,
    key: (check) => check.clientOrderId,
    reply: riskCheckReplyV1Schema,
  },
  [Topics.StrategyCommands]: {
    topic: Topics.StrategyCommands,
    type: 'strategy.commands',
    v: 1,
    schema: strategyCommandV1Schema,
    // A pause and a resume of one instance are never reordered.
    key: (command) => command.strategyId,
    reply: strategyCommandReplyV1Schema,
  },
  [Topics.MarketDataTrades]: {
    topic: Topics.MarketDataTrades,
    type: 'marketdata.trades',
    v: 1,
    schema: tradeV1Schema,
    key: (trade) => trade.symbol,
  },
  [Topics.MarketDataCandles]: {
    topic: Topics.MarketDataCandles,
    type: 'marketdata.candles',
    v: 1,
    schema: candleV1Schema,
    key: (candle) => candle.symbol,
  },
};

export function contractFor(topic: string): Contract | undefined {
  return (contracts as Readonly<Record<string, Contract>>)[topic];
}

/** The entry type of each stream family. */
export interface StreamEntries {
  orderbook: OrderBookV1;
  trades: TradeV1;
}

export interface StreamContract<E extends { symbol: string } = { symbol: string }> {
  family: StreamFamily;
  type: string;
  v: number;
  /** `json`: one `data` field holding the entry as JSON; `fields`: the entry's string fields. */
  encoding: 'json' | 'fields';
  schema: z.ZodType<E>;
}

export const streamContracts: {
  readonly [F in StreamFamily]: StreamContract<StreamEntries[F]>;
} = {
  [StreamFamilies.OrderBook]: {
    family: StreamFamilies.OrderBook,
    type: 'marketdata.orderbook',
    v: 1,
    encoding: 'json',
    schema: orderBookV1Schema,
  },
  [StreamFamilies.Trades]: {
    family: StreamFamilies.Trades,
    type: 'marketdata.trades',
    v: 1,
    encoding: 'fields',
    schema: tradeV1Schema,
  },
};
