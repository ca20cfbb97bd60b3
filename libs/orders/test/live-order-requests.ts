import { randomUUID } from 'node:crypto';

import type { OrderRequest } from '@nexwave/orders';

/** Live (not paper) order requests for the tests against the simulator, each a new clientOrderId. */
function base(symbol: string, side: 'bid' | 'ask', amount: string) {
  return {
    clientOrderId: randomUUID(),
    strategyId: 'test',
    symbol,
    side,
    amount,
    reduceOnly: false,
    paperTrading: false,
  };
}

export function market(symbol: string, side: 'bid' | 'ask', amount: string): OrderRequest {
  return {
    ...base(symbol, side, amount),
    orderType: 'market',
    price: null,
    tif: null,
    slippagePercent: '1',
  };
}

export function limit(
  symbol: string,
  side: 'bid' | 'ask',
  price: string,
  amount: string,
): OrderRequest {
  return {
    ...base(symbol, side, amount),
    orderType: 'limit',
    price,
    tif: 'GTC',
    slippagePercent: null,
  };
}
