import { Decimal } from '@nexwave/core';

import { Exchange, type ExchangeOptions } from '../exchange';
import type { LimitOrderRequest } from '../exchange.types';
import type { MarketSpec } from '../market';
import { SimError } from '../sim.errors';

export const TEST_MARKET: MarketSpec = {
  symbol: 'TEST',
  tickSize: '1',
  lotSize: '0.01',
  minTick: '0',
  maxTick: '1000000',
  maxLeverage: 10,
  minOrderSize: '10',
  maxOrderSize: '5000000',
  initialPrice: '1000',
  volatility: 0,
  levelNotionalUsd: 10_000,
  levelStepTicks: 1,
};

export const NOW = 1_700_000_000_000;

/** An exchange whose book starts empty: tests build it from accounts' orders. */
export function exchange(options: ExchangeOptions = {}): Exchange {
  return new Exchange({ markets: [TEST_MARKET], seed: 1, ...options });
}

export function limit(
  ex: Exchange,
  account: string,
  side: 'bid' | 'ask',
  price: string,
  amount: string,
  extra: Partial<LimitOrderRequest> = {},
): number {
  const request = { symbol: 'TEST', side, price, amount, tif: 'GTC', reduceOnly: false, ...extra };
  return ex.trading.createLimitOrder(account, request as LimitOrderRequest, NOW);
}

export function order(ex: Exchange, account: string, id: number) {
  return ex.orders.orderHistory(account, 1000).items.find((o) => o.id === id)!;
}

export function errorCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof SimError) {
      return `${error.code}: ${error.message}`;
    }
    throw error;
  }
  throw new Error('expected a SimError');
}

export function levels(ex: Exchange, side: 'bid' | 'ask') {
  return ex.markets
    .get('TEST')
    .book.levels(side, new Decimal(1), 10)
    .map((l) => [l.price.toString(), l.amount.toString(), l.count]);
}
