// All raw SQL of the market-data context, as named, parameterised constants: tick ingest (bulk
// unnest/COPY with ON CONFLICT) and the candle aggregates and views. Dead letters and gap records
// go through their TypeORM entities (market-data.entities.ts).

import type { Timeframe } from '../../domain/timeframe';

// ---- ingestion --------------------------------------------------------------------------------

/** PGlite (the embedded TimescaleDB) reports an Emscripten build here. */
export const SERVER_VERSION = 'SELECT version()';

/** Columns written per trade, in COPY order. `received_at` takes its default. */
export const TICK_COLUMNS = 'time, symbol, price, size, side, trade_id, source';

/** One statement per batch: arrays unnested into rows; a stored (symbol, trade_id, time) is skipped. */
export const INSERT_TICKS_UNNEST = `
  INSERT INTO ticks (${TICK_COLUMNS})
  SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::numeric[], $4::numeric[], $5::text[], $6::text[], $7::text[])
  ON CONFLICT (symbol, trade_id, time) DO NOTHING`;

/** The fast path: a batch none of whose trades is stored yet (else it fails on the unique key). */
export const COPY_TICKS = `COPY ticks (${TICK_COLUMNS}) FROM STDIN`;

/**
 * Staging table for COPY, private to its transaction and dropped at its end: nothing outlives the
 * transaction on the server session, so a transaction-mode pooler may sit in front.
 */
export const CREATE_TICKS_STAGING = `
  CREATE TEMP TABLE ticks_staging (
    time timestamptz NOT NULL,
    symbol text NOT NULL,
    price numeric NOT NULL,
    size numeric NOT NULL,
    side text NOT NULL,
    trade_id text NOT NULL,
    source text NOT NULL
  ) ON COMMIT DROP`;

export const COPY_TICKS_STAGING = `COPY ticks_staging (${TICK_COLUMNS}) FROM STDIN`;

export const INSERT_TICKS_FROM_STAGING = `
  INSERT INTO ticks (${TICK_COLUMNS})
  SELECT ${TICK_COLUMNS} FROM ticks_staging
  ON CONFLICT (symbol, trade_id, time) DO NOTHING`;

// ---- candles and prices ----------------------------------------------------------------------

/** Continuous aggregates in refresh order: each level rolls up the one before it. */
export const CANDLE_AGGREGATES = [
  'candles_1m',
  'candles_5m',
  'candles_15m',
  'candles_1h',
  'candles_4h',
  'candles_1d',
] as const;

export type CandleAggregate = (typeof CANDLE_AGGREGATES)[number];

/** $1 aggregate name, $2 window start (NULL: from the beginning), $3 window end. */
export const REFRESH_CANDLE_AGGREGATE = `CALL refresh_continuous_aggregate($1::regclass, $2::timestamptz, $3::timestamptz)`;

/** $1 symbol, $2 from (inclusive, NULL: none), $3 to (inclusive, NULL: none), $4 limit. Newest first. */
function selectCandles(view: string): string {
  return `
    SELECT time, open, high, low, close, volume, vwap, trade_count
    FROM ${view}
    WHERE symbol = $1
      AND ($2::timestamptz IS NULL OR time >= $2::timestamptz)
      AND ($3::timestamptz IS NULL OR time <= $3::timestamptz)
    ORDER BY time DESC
    LIMIT $4`;
}

/** One statement per timeframe: the view name comes from this whitelist, never from input. */
export const SELECT_CANDLES = {
  '1m': selectCandles('candles_1m_ohlcv'),
  '5m': selectCandles('candles_5m_ohlcv'),
  '15m': selectCandles('candles_15m_ohlcv'),
  '1h': selectCandles('candles_1h_ohlcv'),
  '4h': selectCandles('candles_4h_ohlcv'),
  '1d': selectCandles('candles_1d_ohlcv'),
} as const satisfies Record<Timeframe, string>;

/** $1 bucket start: that bucket's candle of every symbol that traded in it. */
function selectBucketCandles(view: string): string {
  return `
    SELECT symbol, time, open, high, low, close, volume, vwap, trade_count
    FROM ${view}
    WHERE time = $1::timestamptz
    ORDER BY symbol`;
}

export const SELECT_BUCKET_CANDLES = {
  '1m': selectBucketCandles('candles_1m_ohlcv'),
  '5m': selectBucketCandles('candles_5m_ohlcv'),
  '15m': selectBucketCandles('candles_15m_ohlcv'),
  '1h': selectBucketCandles('candles_1h_ohlcv'),
  '4h': selectBucketCandles('candles_4h_ohlcv'),
  '1d': selectBucketCandles('candles_1d_ohlcv'),
} as const satisfies Record<Timeframe, string>;

/** DISTINCT over the (symbol, time DESC) index: TimescaleDB answers it with a SkipScan. */
export const SELECT_SYMBOLS = `SELECT DISTINCT symbol FROM ticks ORDER BY symbol`;

export const SELECT_SYMBOL_EXISTS = `SELECT EXISTS (SELECT 1 FROM ticks WHERE symbol = $1) AS known`;

/** Newest trade per symbol, also a SkipScan over (symbol, time DESC). */
export const SELECT_LATEST_PRICES = `
  SELECT DISTINCT ON (symbol) symbol, price, time
  FROM ticks
  ORDER BY symbol, time DESC`;

// ---- history download ---------------------------------------------------------------------------

/** $1 symbol, $2 bar width in ms, $3 from, $4 to (exclusive): open times (ms) of bars holding ticks. */
export const SELECT_STORED_BARS = `
  SELECT DISTINCT (floor(extract(epoch FROM time) * 1000 / $2) * $2)::bigint AS bar
  FROM ticks
  WHERE symbol = $1 AND time >= $3::timestamptz AND time < $4::timestamptz`;

// ---- recorded books and replays ---------------------------------------------------------------

/** $1 times, $2 symbols, $3 bids (JSON text), $4 asks (JSON text); a stored (symbol, time) is skipped. */
export const INSERT_BOOK_SNAPSHOTS = `
  INSERT INTO order_book_snapshots (time, symbol, bids, asks)
  SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::jsonb[], $4::jsonb[])
  ON CONFLICT (symbol, time) DO NOTHING
  RETURNING symbol`;

/** $1 symbols, $2 end (exclusive), $3..$5 the key after which to read (time, symbol, trade_id), $6 page size. */
export const SELECT_TICKS_PAGE = `
  SELECT time, time::text AS key_time, symbol, price::text AS price, size::text AS size, side,
    trade_id, source
  FROM ticks
  WHERE symbol = ANY($1::text[]) AND time < $2::timestamptz
    AND (time, symbol, trade_id) > ($3::timestamptz, $4::text, $5::text)
  ORDER BY time, symbol, trade_id
  LIMIT $6`;

/** $1 symbols, $2 end (exclusive), $3..$4 the key after which to read (time, symbol), $5 page size. */
export const SELECT_BOOKS_PAGE = `
  SELECT time, time::text AS key_time, symbol, bids, asks
  FROM order_book_snapshots
  WHERE symbol = ANY($1::text[]) AND time < $2::timestamptz
    AND (time, symbol) > ($3::timestamptz, $4::text)
  ORDER BY time, symbol
  LIMIT $5`;
