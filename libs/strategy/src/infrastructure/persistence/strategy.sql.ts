/** $1 clientOrderId, $2 sequence, $3 filledAmount, $4 averageFillPrice, $5 feeUsd: newer only. */
export const SAVE_ORDER_PROGRESS = `
  UPDATE strategy_signals
     SET order_sequence = $2, filled_amount = $3, average_fill_price = $4, fee_usd = $5
   WHERE client_order_id = $1 AND (order_sequence IS NULL OR order_sequence < $2)`;

/**
 * $1 id, $2 name, $3 parameters, $4 now: the instance as it starts; a stored state (paused, why,
 * by whom, since when) is kept. Returns the row.
 */
export const REGISTER_STRATEGY_INSTANCE = `
  INSERT INTO strategy_instances AS i (id, name, parameters, state, started_at, updated_at)
  VALUES ($1, $2, $3, 'running', $4, $4)
  ON CONFLICT (id) DO UPDATE
     SET name = EXCLUDED.name, parameters = EXCLUDED.parameters, started_at = EXCLUDED.started_at
  RETURNING i.state, i.paused_reason, i.changed_by, i.updated_at`;
