/** $1 clientOrderId, $2 sequence, $3 filledAmount, $4 averageFillPrice, $5 feeUsd: newer only. */
export const SAVE_ORDER_PROGRESS = `
  UPDATE strategy_signals
     SET order_sequence = $2, filled_amount = $3, average_fill_price = $4, fee_usd = $5
   WHERE client_order_id = $1 AND (order_sequence IS NULL OR order_sequence < $2)`;
