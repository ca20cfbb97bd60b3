import { randomUUID } from 'node:crypto';

import type { OrderRequest } from '../domain/order';

/** A paper GTC limit bid of 0.5 BTC at 100,000 under a fresh client order id; `overrides` win. */
export const limitOrderRequest = (overrides: Partial<OrderRequest> = {}): OrderRequest =>
  ({
    clientOrderId: randomUUID(),
    strategyId: 'mean_reversion_1',
    symbol: 'BTC',
    side: 'bid',
    amount: '0.5',
    reduceOnly: false,
    paperTrading: true,
    orderType: 'limit',
    price: '100000',
    tif: 'GTC',
    slippagePercent: null,
    ...overrides,
  }) as OrderRequest;
