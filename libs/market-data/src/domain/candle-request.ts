import { isSymbol, isUsableDate } from '@nexwave/core';

import { CandlesError } from './candles.errors';
import { parseTimeframe, type Timeframe } from './timeframe';

export const DEFAULT_CANDLE_LIMIT = 500;
export const MAX_CANDLE_LIMIT = 5_000;

export interface CandleRequestInput {
  symbol: string;
  timeframe: string;
  from?: Date;
  to?: Date;
  limit?: number;
}

/** A validated candle query: candles of `symbol` opening in [from, to], newest first, at most `limit`. */
export interface CandleRequest {
  symbol: string;
  timeframe: Timeframe;
  from?: Date;
  to?: Date;
  limit: number;
}

export function candleRequest(input: CandleRequestInput): CandleRequest {
  if (!isSymbol(input.symbol)) {
    throw new CandlesError(
      'INVALID_SYMBOL',
      'symbol must be an exchange symbol like BTC or kBONK (letters, digits, _ or -, at most 32)',
    );
  }
  const timeframe = parseTimeframe(input.timeframe);
  const limit = input.limit ?? DEFAULT_CANDLE_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_CANDLE_LIMIT) {
    throw new CandlesError(
      'INVALID_LIMIT',
      `limit must be an integer from 1 to ${MAX_CANDLE_LIMIT}, got ${limit}`,
      { limit, max: MAX_CANDLE_LIMIT },
    );
  }
  for (const [name, date] of [
    ['from', input.from],
    ['to', input.to],
  ] as const) {
    if (date && !isUsableDate(date)) {
      throw new CandlesError('INVALID_RANGE', `${name} must be a date-time in years 1 to 9999`);
    }
  }
  if (input.from && input.to && input.from.getTime() > input.to.getTime()) {
    throw new CandlesError('INVALID_RANGE', 'from must not be after to', {
      from: input.from.toISOString(),
      to: input.to.toISOString(),
    });
  }
  return { symbol: input.symbol, timeframe, from: input.from, to: input.to, limit };
}
