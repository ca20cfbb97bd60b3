import { z } from 'zod';

import { CandleHistoryPort } from '../../application/ports/candle-history.port';
import type { Candle, Timeframe } from '../../domain/strategy';

const candlesResponse = z.object({
  candles: z.array(
    z.object({
      time: z.string(),
      open: z.string(),
      high: z.string(),
      low: z.string(),
      close: z.string(),
      volume: z.string(),
    }),
  ),
});

/**
 * Market-data's query side over its public REST API (GET /api/v1/candles/{symbol}/{timeframe}),
 * the same in the all-in-one and the split apps, and never its tables. The newest candle may
 * still be open: the warm-up only keeps closed ones. The API's root is asked for at each call:
 * the all-in-one's own server has an address only once it listens.
 */
export class HttpCandleHistoryAdapter extends CandleHistoryPort {
  constructor(
    private readonly apiUrl: () => string | undefined,
    private readonly timeoutMs = 10_000,
  ) {
    super();
  }

  async recent(symbol: string, timeframe: Timeframe, count: number): Promise<Candle[]> {
    const apiUrl = this.apiUrl();
    if (apiUrl === undefined) {
      throw new Error('no market-data API to read candles from (not set, or not listening yet)');
    }
    const path = `/api/v1/candles/${encodeURIComponent(symbol)}/${timeframe}?limit=${count}`;
    const response = await fetch(new URL(path, apiUrl), {
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (response.status === 400 && (await errorCode(response)) === 'UNKNOWN_SYMBOL') {
      return []; // no trade of the symbol is stored yet (a fresh start): no history
    }
    if (!response.ok) {
      throw new Error(`candles of ${symbol} ${timeframe}: HTTP ${response.status}`);
    }
    const { candles } = candlesResponse.parse(await response.json());
    return candles.reverse().map((candle) => ({
      symbol,
      timeframe,
      bucketStart: new Date(candle.time),
      open: candle.open,
      high: candle.high,
      low: candle.low,
      close: candle.close,
      volume: candle.volume,
    }));
  }
}

async function errorCode(response: Response): Promise<unknown> {
  const body: unknown = await response.json().catch(() => null);
  return typeof body === 'object' && body !== null && 'code' in body ? body.code : undefined;
}
