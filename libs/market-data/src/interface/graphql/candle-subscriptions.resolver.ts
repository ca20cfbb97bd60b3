import { QueryBus } from '@nestjs/cqrs';
import { Args, Resolver, Subscription } from '@nestjs/graphql';

import { isSymbol } from '@nexwave/core';

import { ListSymbolsQuery } from '../../application/queries/list-symbols.query';
import { CandlesError } from '../../domain/candles.errors';
import type { FormingCandle } from '../../domain/forming-candle';
import type { Timeframe } from '../../domain/timeframe';
import { LiveCandles } from '../../infrastructure/live/live-candles';
import { FormingCandleModel } from './forming-candle.model';
import { throttledCandles } from './throttled-candles';
import { TimeframeEnum } from './timeframe.enum';

@Resolver(() => FormingCandleModel)
export class CandleSubscriptionsResolver {
  constructor(
    private readonly live: LiveCandles,
    private readonly queryBus: QueryBus,
  ) {}

  @Subscription(() => FormingCandleModel, {
    description:
      'The forming candle of one symbol and timeframe, from its trades as they arrive: at most one update a second, the latest state',
    resolve: (candle: FormingCandle): FormingCandleModel => ({
      symbol: candle.symbol,
      timeframe: candle.timeframe,
      time: candle.start.toISOString(),
      open: candle.open,
      high: candle.high,
      low: candle.low,
      close: candle.close,
      volume: candle.volume,
      tradeCount: candle.tradeCount,
      closed: false,
    }),
  })
  async candleUpdated(
    @Args('symbol', { description: 'Case-sensitive, e.g. BTC or kBONK' }) symbol: string,
    @Args('timeframe', { type: () => TimeframeEnum }) timeframe: Timeframe,
  ): Promise<AsyncIterableIterator<FormingCandle>> {
    await this.assertKnown(symbol);
    return throttledCandles(this.live, symbol, timeframe);
  }

  /** As the candle REST answers: a malformed or unknown symbol is refused with the reason. */
  private async assertKnown(symbol: string): Promise<void> {
    if (!isSymbol(symbol)) {
      throw new CandlesError(
        'INVALID_SYMBOL',
        'symbol must be an exchange symbol like BTC or kBONK (letters, digits, _ or -, at most 32)',
      );
    }
    const known = await this.queryBus.execute(new ListSymbolsQuery());
    if (!known.includes(symbol)) {
      throw new CandlesError('UNKNOWN_SYMBOL', `unknown symbol '${symbol}': no trades stored`, {
        symbol,
      });
    }
  }
}
