import { QueryBus } from '@nestjs/cqrs';
import { Args, GraphQLISODateTime, Int, Query, Resolver } from '@nestjs/graphql';

import type { Candle } from '../../application/queries/candle-read-model.port';
import { GetCandlesQuery } from '../../application/queries/get-candles.query';
import { DEFAULT_CANDLE_LIMIT, MAX_CANDLE_LIMIT } from '../../domain/candle-request';
import { TIMEFRAMES } from '../../domain/timeframe';
import { CandleModel } from './candle.model';

@Resolver(() => CandleModel)
export class CandlesResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => [CandleModel], {
    description:
      'OHLCV candles of one symbol, newest first (the same data as REST /api/v1/candles)',
  })
  candles(
    @Args('symbol', { description: 'Case-sensitive, e.g. BTC or kBONK' }) symbol: string,
    @Args('timeframe', { description: `One of ${TIMEFRAMES.join(', ')}` }) timeframe: string,
    @Args('from', {
      type: () => GraphQLISODateTime,
      nullable: true,
      description: 'Earliest candle open time (inclusive)',
    })
    from: Date | null,
    @Args('to', {
      type: () => GraphQLISODateTime,
      nullable: true,
      description: 'Latest candle open time (inclusive)',
    })
    to: Date | null,
    @Args('limit', {
      type: () => Int,
      nullable: true,
      description: `Most candles returned: 1 to ${MAX_CANDLE_LIMIT}, default ${DEFAULT_CANDLE_LIMIT}`,
    })
    limit: number | null,
  ): Promise<Candle[]> {
    return this.queryBus.execute(
      new GetCandlesQuery({
        symbol,
        timeframe,
        from: from ?? undefined,
        to: to ?? undefined,
        limit: limit ?? undefined,
      }),
    );
  }
}
