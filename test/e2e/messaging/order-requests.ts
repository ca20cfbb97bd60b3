import { randomUUID } from 'node:crypto';

import { OrderRequestV1 } from '@nexwave/messaging';

/** N order requests over `keys` clientOrderIds, each numbered in metadata.seq per key. */
export function orderRequests(count: number, keys: number): OrderRequestV1[] {
  const ids = Array.from({ length: keys }, () => randomUUID());
  return Array.from({ length: count }, (_, i) => ({
    clientOrderId: ids[i % keys],
    strategyId: 'e2e',
    symbol: 'BTC',
    side: 'bid',
    orderType: 'limit',
    amount: '0.01',
    price: '60000',
    tif: 'GTC',
    slippagePercent: null,
    reduceOnly: false,
    paperTrading: true,
    metadata: { seq: Math.floor(i / keys) },
  }));
}
