/** The candle continuous aggregates, materialized on demand. */
export abstract class CandleAggregatesPort {
  /** The routine refresh up to `now`; false when a level failed (the next refresh retries). */
  abstract refresh(now: Date): Promise<boolean>;

  /** Every level from the UTC day of `from` up to `now`, for trades that arrived late. */
  abstract refreshSince(from: Date, now: Date): Promise<boolean>;
}
