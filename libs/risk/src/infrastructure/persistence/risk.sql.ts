/**
 * The risk context's raw SQL, parameterised: what the entities cannot say plainly.
 * Tables: migrations 1795600096000, 1795600097000.
 */

/**
 * Records a strategy's day: the first save of a day sets its start; later saves only ever add the
 * stop, so two checks racing on one day cannot lift it.
 */
export const UPSERT_DAILY_LOSS = `
  INSERT INTO risk_daily_loss (strategy_id, utc_day, start_equity_usd, started_at, stopped_at)
  VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (strategy_id, utc_day)
  DO UPDATE SET stopped_at = COALESCE(risk_daily_loss.stopped_at, EXCLUDED.stopped_at)`;
