import { KLINE_MAX_LIMIT, type PacificaRestClient } from '@nexwave/pacifica';

import { HistorySourcePort } from '../../application/ports/history-source.port';
import type { Kline } from '../../domain/kline-ticks';
import type { Timeframe } from '../../domain/timeframe';

/** Pacifica's `/kline` through the SDK (retries 429 and 5xx with backoff, paces its credits). */
export class PacificaHistorySource extends HistorySourcePort {
  readonly maxPerRequest = KLINE_MAX_LIMIT;

  constructor(private readonly client: PacificaRestClient) {
    super();
  }

  klines(
    symbol: string,
    timeframe: Timeframe,
    from: number,
    to: number,
    limit: number,
  ): Promise<Kline[]> {
    return this.client.getKlines(symbol, timeframe, from, to, limit);
  }
}
