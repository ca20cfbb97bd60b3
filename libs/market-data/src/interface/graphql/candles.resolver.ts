import { QueryBus } from '@nestjs/cqrs';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';

import type { Candle } from '../../application/queries/candle-read-model.port';
import { GetCandlesQuery } from '../../application/queries/get-candles.query';
import { DEFAULT_CANDLE_LIMIT, MAX_CANDLE_LIMIT } from '../../domain/candle-request';
import type { Timeframe } from '../../domain/timeframe';
import { CandleModel } from './candle.model';
import { TimeframeEnum } from './timeframe.enum';

@Resolver(() => CandleModel)
export class CandlesResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => [CandleModel], {
    nullable: true,
    description:
      'OHLCV candles of one symbol, newest first (the same data as REST /api/v1/candles)',
  })
  candles(
    @Args('symbol', { description: 'Case-sensitive, e.g. BTC or kBONK' }) symbol: string,
    @Args('timeframe', { type: () => TimeframeEnum }) timeframe: Timeframe,
    @Args('from', {
      type: () => Date,
      nullable: true,
      description: 'Earliest candle open time (inclusive)',
    })
    from: Date | null,
    @Args('to', {
      type: () => Date,
      nullable: true,
      description: 'Latest candle open time (inclusive)',
    })
    to: Date | null,
    @Args('limit', {
      type: () => Int,
      defaultValue: DEFAULT_CANDLE_LIMIT,
      description: `Most candles returned: 1 to ${MAX_CANDLE_LIMIT}`,
    })
    limit: number,
  ): Promise<Candle[]> {
    return this.queryBus.execute(
      new GetCandlesQuery({
        symbol,
        timeframe,
        from: from ?? undefined,
        to: to ?? undefined,
        limit,
      }),
    );
  }
}
