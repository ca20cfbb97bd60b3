import { z } from 'zod';

import { concern, variable } from './variable';

/** The candle API (REST and GraphQL), served by every app that holds MarketDataQueryModule. */
export const candleApiConcern = concern({
  variables: {
    CANDLE_CACHE_CANDLES: variable(z.coerce.number().int().min(0).max(50_000_000), {
      doc: 'Bound of the in-memory cache of settled candles served by the candle API, in candles (about 300 bytes each; 0 turns it off).',
      default: '200000',
    }),
  },
  build: (v) => ({ cacheCandles: v.CANDLE_CACHE_CANDLES }),
});
