import {
  Controller,
  Get,
  Param,
  Query,
  UseFilters,
  UsePipes,
  ValidationPipe,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';

import { GetCandlesQuery } from '../../application/queries/get-candles.query';
import { GetLatestPricesQuery } from '../../application/queries/get-latest-prices.query';
import { ListSymbolsQuery } from '../../application/queries/list-symbols.query';
import { TIMEFRAMES } from '../../domain/timeframe';
import { CandlesErrorFilter } from './candles-error.filter';
import { CandlesQueryDto } from './dto/candles-query.dto';
import { CandlesResponseDto } from './dto/candles-response.dto';
import { PricesResponseDto, SymbolsResponseDto } from './dto/prices-response.dto';

@ApiTags('market data')
@Controller('api/v1')
@UseFilters(CandlesErrorFilter)
@UsePipes(new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true }))
export class MarketDataController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('symbols')
  @ApiOkResponse({ type: SymbolsResponseDto, description: 'Every symbol with trades' })
  async symbols(): Promise<SymbolsResponseDto> {
    return { symbols: await this.queryBus.execute(new ListSymbolsQuery()) };
  }

  @Get('prices')
  @ApiOkResponse({ type: PricesResponseDto, description: 'Newest trade price per symbol' })
  async prices(): Promise<PricesResponseDto> {
    return { prices: await this.queryBus.execute(new GetLatestPricesQuery()) };
  }

  @Get('candles/:symbol/:timeframe')
  @ApiParam({ name: 'symbol', description: 'Case-sensitive, e.g. BTC or kBONK' })
  @ApiParam({ name: 'timeframe', enum: TIMEFRAMES })
  @ApiOkResponse({ type: CandlesResponseDto, description: 'OHLCV candles, newest first' })
  @ApiBadRequestResponse({
    description: 'Unknown symbol or timeframe (the allowed values are named), bad limit or range',
  })
  async candles(
    @Param('symbol') symbol: string,
    @Param('timeframe') timeframe: string,
    @Query() query: CandlesQueryDto,
  ): Promise<CandlesResponseDto> {
    const candles = await this.queryBus.execute(
      new GetCandlesQuery({
        symbol,
        timeframe,
        from: query.from === undefined ? undefined : new Date(query.from),
        to: query.to === undefined ? undefined : new Date(query.to),
        limit: query.limit,
      }),
    );
    return { symbol, timeframe, candles };
  }
}
