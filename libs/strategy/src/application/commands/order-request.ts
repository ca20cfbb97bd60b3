import type { OrderRequestV1 } from '@nexwave/messaging';

import type { Signal } from '../../domain/strategy';
import type { EngineSettings } from '../strategy-runtime';

/** An approved signal as a market order request; exits are reduce-only. */
export function toOrderRequest(
  strategyId: string,
  clientOrderId: string,
  signal: Signal,
  amount: string,
  settings: EngineSettings,
): OrderRequestV1 {
  return {
    clientOrderId,
    strategyId,
    symbol: signal.symbol,
    side: signal.side,
    amount,
    reduceOnly: signal.intent === 'exit',
    paperTrading: settings.paperTrading,
    orderType: 'market',
    price: null,
    tif: null,
    slippagePercent: settings.slippagePercent,
    metadata: {
      intent: signal.intent,
      reason: signal.reason.slice(0, 200),
      bucketStart: signal.bucketStart.toISOString(),
      stopLoss: signal.stopLoss,
      takeProfit: signal.takeProfit,
    },
  };
}
