/**
 * $1 clientOrderId, $2 sequence, $3 filledAmount, $4 averageFillPrice, $5 feeUsd, $6 the event's
 * time: newer only.
 */
export const SAVE_ORDER_PROGRESS = `
  UPDATE strategy_signals
     SET order_sequence = $2, filled_amount = $3, average_fill_price = $4, fee_usd = $5,
         order_event_at = $6
   WHERE client_order_id = $1 AND (order_sequence IS NULL OR order_sequence < $2)`;

/** $1 strategyId: the latest figures, camelCase, numerics as text. */
export const SELECT_STRATEGY_PERFORMANCE = `
  SELECT strategy_id AS "strategyId", as_of AS "asOf",
         starting_equity_usd::text AS "startingEquityUsd", equity_usd::text AS "equityUsd",
         realised_pnl_usd::text AS "realisedPnlUsd", unrealised_pnl_usd::text AS "unrealisedPnlUsd",
         total_pnl_usd::text AS "totalPnlUsd", trade_count AS "tradeCount", wins, losses,
         win_rate::text AS "winRate", sharpe::text AS sharpe, sortino::text AS sortino,
         max_drawdown_usd::text AS "maxDrawdownUsd", max_drawdown_pct::text AS "maxDrawdownPct",
         exposure::text AS exposure
    FROM strategy_performance
   WHERE strategy_id = $1`;

/** $1 strategyId, $2 limit: closed trades, newest first. */
export const SELECT_STRATEGY_TRADES = `
  SELECT strategy_id AS "strategyId", symbol, side, quantity::text AS quantity,
         entry_price::text AS "entryPrice", exit_price::text AS "exitPrice",
         fees_usd::text AS "feesUsd", pnl_usd::text AS "pnlUsd", opened_at AS "openedAt",
         closed_at AS "closedAt"
    FROM strategy_trades
   WHERE strategy_id = $1
   ORDER BY closed_at DESC, closing_order_id DESC, closing_sequence DESC
   LIMIT $2`;
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
/** $1 clientOrderId, $2 status, $3 riskApproved, $4 riskRule, $5 riskReason: pending ones only. */
export const SETTLE_PENDING_SIGNAL = `
  UPDATE strategy_signals
     SET status = $2, risk_approved = $3, risk_rule = $4, risk_reason = $5
   WHERE client_order_id = $1 AND status = 'pending_risk'
  RETURNING client_order_id`;
