import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';

import { candleRequest } from '../../domain/candle-request';
import { CandlesError } from '../../domain/candles.errors';
import { CandleReadModelPort, type Candle } from './candle-read-model.port';
import { GetCandlesQuery } from './get-candles.query';

/** How many known symbols an unknown-symbol error names. */
const SYMBOLS_IN_ERROR = 10;

@QueryHandler(GetCandlesQuery)
export class GetCandlesHandler implements IQueryHandler<GetCandlesQuery, Candle[]> {
  constructor(private readonly readModel: CandleReadModelPort) {}

  async execute({ input }: GetCandlesQuery): Promise<Candle[]> {
    const request = candleRequest(input);
    const candles = await this.readModel.candles(request);
    // Only an empty answer needs the symbol checked: a known symbol may have no candles in range.
    if (candles.length === 0 && !(await this.readModel.isKnownSymbol(request.symbol))) {
      throw unknownSymbol(request.symbol, await this.readModel.symbols());
    }
    return candles;
  }
}

function unknownSymbol(symbol: string, known: string[]): CandlesError {
  const named = known.slice(0, SYMBOLS_IN_ERROR).join(', ');
  const more = known.length > SYMBOLS_IN_ERROR ? ', ...' : '';
  const allowed = known.length === 0 ? 'no symbol has trades yet' : `allowed ${named}${more}`;
  return new CandlesError('UNKNOWN_SYMBOL', `unknown symbol '${symbol}': ${allowed}`, {
    symbol,
    allowed: named,
  });
}
