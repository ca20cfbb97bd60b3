import type { BookAggLevel } from '../api/market.schema';

export type AccountChannel = 'account_order_updates' | 'account_trades' | 'account_positions';

/** What can be subscribed to; symbols are case-sensitive and sent as given. */
export type WsSubscription =
  | { source: 'book'; symbol: string; aggLevel: BookAggLevel }
  | { source: 'trades'; symbol: string }
  | { source: 'bbo'; symbol: string }
  | { source: 'prices' }
  | { source: AccountChannel; account: string };

export type WsParams = Record<string, string | number>;

/** The `params` object of `{method: 'subscribe' | 'unsubscribe', params}`. */
export function subscriptionParams(subscription: WsSubscription): WsParams {
  switch (subscription.source) {
    case 'book':
      return { source: 'book', symbol: subscription.symbol, agg_level: subscription.aggLevel };
    case 'trades':
    case 'bbo':
      return { source: subscription.source, symbol: subscription.symbol };
    case 'prices':
      return { source: 'prices' };
    case 'account_order_updates':
    case 'account_trades':
    case 'account_positions':
      return { source: subscription.source, account: subscription.account };
  }
}

export function subscriptionKey(subscription: WsSubscription): string {
  return JSON.stringify(subscriptionParams(subscription));
}
