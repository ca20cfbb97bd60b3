import type { Clock } from '@nexwave/core';

import type { Candle, LatestPrice } from '../../application/queries/candle-read-model.port';
import { CandleReadModelPort } from '../../application/queries/candle-read-model.port';
import type { CandleRequest } from '../../domain/candle-request';
import type { ClosedCandleCache } from '../../domain/closed-candle-cache';
import { settledBefore } from '../../domain/settled-candles';

/**
 * Serves settled candles (older than every routine refresh's window, see settledBefore) from a
 * bounded cache and reads only the newer ones, the forming candle among them, from the database.
 * A late trade within the window is materialized by the next refresh and read live; one older
 * than it (a backfill, refreshed by refreshSince) is seen once its entry is evicted.
 */
export class CachedCandleReadModel extends CandleReadModelPort {
  constructor(
    private readonly database: CandleReadModelPort,
    private readonly cache: ClosedCandleCache<Candle>,
    private readonly clock: Clock,
  ) {
    super();
  }

  async candles(request: CandleRequest): Promise<Candle[]> {
    const cutoff = settledBefore(request.timeframe, this.clock.now());
    const live =
      request.to === undefined || request.to >= cutoff
        ? await this.database.candles({
            ...request,
            from: request.from && request.from > cutoff ? request.from : cutoff,
          })
        : [];
    if (live.length >= request.limit || (request.from && request.from >= cutoff)) {
      return live;
    }
    const to = request.to && request.to < cutoff ? request.to : new Date(cutoff.getTime() - 1);
    const settled = await this.settled({ ...request, to });
    return live.length === 0 ? [...settled] : [...live, ...settled].slice(0, request.limit);
  }

  symbols(): Promise<string[]> {
    return this.database.symbols();
  }

  isKnownSymbol(symbol: string): Promise<boolean> {
    return this.database.isKnownSymbol(symbol);
  }

  latestPrices(): Promise<LatestPrice[]> {
    return this.database.latestPrices();
  }

  private async settled(request: CandleRequest & { to: Date }): Promise<readonly Candle[]> {
    const key = [
      request.symbol,
      request.timeframe,
      request.from?.getTime() ?? '',
      request.to.getTime(),
      request.limit,
    ].join('|');
    const cached = this.cache.get(key);
    if (cached !== undefined) {
      return cached;
    }
    const candles = await this.database.candles(request);
    // An empty range may be a symbol not backfilled yet: asked again rather than remembered.
    if (candles.length > 0) {
      this.cache.set(key, candles);
    }
    return candles;
  }
}
