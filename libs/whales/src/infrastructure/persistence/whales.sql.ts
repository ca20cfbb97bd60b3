/**
 * The whales context's raw SQL, parameterised: what the entities cannot say plainly (merge lookup,
 * GREATEST and jsonb merges, SKIP LOCKED leases, conditional upserts, impact and read aggregates).
 * Tables: migrations 1795600002000, 1795600091000, 1795600092000, 1795600094000.
 */

/**
 * An activity recorded elsewhere (another replica, or this process before a restart) that a new
 * one continues: same symbol, side and kind, last seen at or after $4, price range overlapping
 * [$5, $6] (already widened by the tolerance), and not one this process holds open ($7).
 */
export const SELECT_MERGE_TARGET = `
  SELECT activity_id::text AS activity_id
    FROM whale_activities
   WHERE symbol = $1 AND side = $2 AND kind = $3
     AND last_seen_at >= $4
     AND price_low <= $6 AND price_high >= $5
     AND NOT (activity_id = ANY($7::uuid[]))
   ORDER BY last_seen_at DESC
   LIMIT 1`;

/**
 * The whale as last seen, its kind ($11) included; metadata keeps the detected levels and merges
 * the running maxima and the recorded changes.
 */
export const UPDATE_SEEN_ACTIVITY = `
  UPDATE whale_activities
     SET last_seen_at = GREATEST(last_seen_at, $2),
         price_low = $3, price_high = $4, size = $5, notional_usd = $6,
         level_count = $7, order_count = $8, confidence = $9,
         metadata = metadata || $10::jsonb, kind = $11
   WHERE activity_id = $1`;

/** Leases the oldest due pending alert of a channel ($1) at $2 until $3. */
export const CLAIM_DUE_ALERT = `
  UPDATE whale_alerts
     SET next_attempt_at = $3
   WHERE id = (
     SELECT id FROM whale_alerts
      WHERE channel = $1 AND status = 'pending' AND next_attempt_at <= $2
      ORDER BY next_attempt_at, id
      LIMIT 1
      FOR UPDATE SKIP LOCKED)
  RETURNING id::text AS id, activity_id::text AS activity_id, channel, payload, attempts`;

/**
 * Activities with a measurement due at or before $1, most overdue first, $2 at most. One the saga
 * never scheduled (the process died between the activity's transaction and the saga) falls due
 * two minutes after detection, a minute after the saga would have scheduled it.
 */
export const SELECT_AWAITING_IMPACT = `
  SELECT activity_id::text AS activity_id, symbol, side, detected_at,
         price_at_detection::text AS price_at_detection,
         impact_1m_bps IS NOT NULL AS has_1m, impact_5m_bps IS NOT NULL AS has_5m,
         impact_15m_bps IS NOT NULL AS has_15m, impact_60m_bps IS NOT NULL AS has_60m,
         impact_missed
    FROM whale_activities
   WHERE NOT impact_done
     AND COALESCE(impact_due_at, detected_at + INTERVAL '2 minutes') <= $1
   ORDER BY COALESCE(impact_due_at, detected_at + INTERVAL '2 minutes')
   LIMIT $2`;

/** Schedules $1's first measurement at $2; an activity already scheduled keeps its time. */
export const SCHEDULE_IMPACT = `
  UPDATE whale_activities SET impact_due_at = $2
   WHERE activity_id = $1 AND impact_due_at IS NULL AND NOT impact_done`;

/** Keeps the last trade ($1 symbol, $2 time, $3 price) of its second. */
export const UPSERT_TRADE_PRICE = `
  INSERT INTO whale_trade_prices (symbol, second, time, price)
  VALUES ($1, date_trunc('second', $2::timestamptz), $2, $3)
  ON CONFLICT (symbol, second) DO UPDATE
     SET time = EXCLUDED.time, price = EXCLUDED.price
   WHERE EXCLUDED.time >= whale_trade_prices.time`;

/** $2..$5: the 1/5/15/60-minute figures measured now (null keeps the stored one); $8 next due. */
export const UPDATE_IMPACT = `
  UPDATE whale_activities
     SET impact_1m_bps = COALESCE($2, impact_1m_bps),
         impact_5m_bps = COALESCE($3, impact_5m_bps),
         impact_15m_bps = COALESCE($4, impact_15m_bps),
         impact_60m_bps = COALESCE($5, impact_60m_bps),
         impact_missed = impact_missed || $6::smallint[],
         impact_done = $7,
         impact_due_at = $8
   WHERE activity_id = $1`;

const ACTIVITY_FILTER = `
   WHERE ($1::text IS NULL OR symbol = $1)
     AND ($2::timestamptz IS NULL OR detected_at >= $2)`;

export const SELECT_ACTIVITIES = `
  SELECT activity_id::text AS id, symbol, side, kind,
         price_low::text AS price_low, price_high::text AS price_high, size::text AS size,
         notional_usd::text AS notional_usd, level_count, order_count,
         confidence::float8 AS confidence, metadata -> 'levels' AS levels,
         first_seen_at, last_seen_at, price_at_detection::text AS price_at_detection,
         impact_1m_bps::float8 AS impact_1m_bps, impact_5m_bps::float8 AS impact_5m_bps,
         impact_15m_bps::float8 AS impact_15m_bps, impact_60m_bps::float8 AS impact_60m_bps
    FROM whale_activities
  ${ACTIVITY_FILTER}
     AND ($3::numeric IS NULL OR notional_usd >= $3)
     AND ($4::text IS NULL OR kind = $4)
   ORDER BY detected_at DESC, id DESC
   LIMIT $5 OFFSET $6`;

export const SELECT_IMPACT_AVERAGES = `
  SELECT symbol, kind, count(*)::int AS activities, count(impact_15m_bps)::int AS measured_15m,
         round(avg(impact_1m_bps), 2)::float8 AS avg_1m,
         round(avg(impact_5m_bps), 2)::float8 AS avg_5m,
         round(avg(impact_15m_bps), 2)::float8 AS avg_15m,
         round(avg(impact_60m_bps), 2)::float8 AS avg_60m
    FROM whale_activities
  ${ACTIVITY_FILTER}
   GROUP BY symbol, kind
   ORDER BY symbol, kind`;
