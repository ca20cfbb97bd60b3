import type { ServerResponse } from 'node:http';
import { Controller, Get, Param, Query, Res, UsePipes, ValidationPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotModifiedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';

import { systemClock } from '@nexwave/core';

import { GetCandlesQuery } from '../../application/queries/get-candles.query';
import { GetLatestPricesQuery } from '../../application/queries/get-latest-prices.query';
import { ListSymbolsQuery } from '../../application/queries/list-symbols.query';
import { parseTimeframe } from '../../domain/timeframe';
import { candlesCacheHeaders } from './candles-cache-headers';
import { CandlesParamsDto, CandlesQueryDto } from './dto/candles-query.dto';
import { CandlesResponseDto } from './dto/candles-response.dto';
import { PricesResponseDto, SymbolsResponseDto } from './dto/prices-response.dto';

@ApiTags('market data')
@Controller('api/v1')
@UsePipes(new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true }))
export class MarketDataController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('symbols')
  @ApiOperation({ summary: 'List the symbols that have trades' })
  @ApiOkResponse({ type: SymbolsResponseDto, description: 'Every symbol with trades' })
  async symbols(): Promise<SymbolsResponseDto> {
    return { symbols: await this.queryBus.execute(new ListSymbolsQuery()) };
  }

  @Get('prices')
  @ApiOperation({ summary: 'Latest trade price of every symbol' })
  @ApiOkResponse({ type: PricesResponseDto, description: 'Newest trade price per symbol' })
  async prices(): Promise<PricesResponseDto> {
    return { prices: await this.queryBus.execute(new GetLatestPricesQuery()) };
  }

  @Get('candles/:symbol/:timeframe')
  @ApiOperation({ summary: 'OHLCV candles of one symbol and timeframe, newest first' })
  @ApiOkResponse({
    type: CandlesResponseDto,
    description:
      'OHLCV candles, newest first, with a strong ETag; Cache-Control immutable for a range of ' +
      'settled candles (out of every refresh window), no-cache otherwise',
  })
  @ApiNotModifiedResponse({ description: 'If-None-Match names the current ETag' })
  @ApiBadRequestResponse({
    description:
      'Unknown symbol or timeframe (the allowed values are named), malformed symbol, bad limit, ' +
      'date or range, unknown parameter',
  })
  async candles(
    @Param() { symbol, timeframe }: CandlesParamsDto,
    @Query() query: CandlesQueryDto,
    @Res({ passthrough: true }) response: ServerResponse,
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
    const body = { symbol, timeframe, candles };
    // Express answers 304 itself when If-None-Match matches the ETag set here.
    const headers = candlesCacheHeaders(
      body,
      parseTimeframe(timeframe),
      query.to,
      systemClock.now(),
    );
    for (const [name, value] of Object.entries(headers)) {
      response.setHeader(name, value);
    }
    return body;
  }
}
