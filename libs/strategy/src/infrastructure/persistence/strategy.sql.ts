/** $1 clientOrderId, $2 sequence, $3 filledAmount, $4 averageFillPrice, $5 feeUsd: newer only. */
export const SAVE_ORDER_PROGRESS = `
  UPDATE strategy_signals
     SET order_sequence = $2, filled_amount = $3, average_fill_price = $4, fee_usd = $5
   WHERE client_order_id = $1 AND (order_sequence IS NULL OR order_sequence < $2)`;

/** $1 clientOrderId, $2 status, $3 riskApproved, $4 riskRule, $5 riskReason: pending ones only. */
export const SETTLE_PENDING_SIGNAL = `
  UPDATE strategy_signals
     SET status = $2, risk_approved = $3, risk_rule = $4, risk_reason = $5
   WHERE client_order_id = $1 AND status = 'pending_risk'
  RETURNING client_order_id`;
