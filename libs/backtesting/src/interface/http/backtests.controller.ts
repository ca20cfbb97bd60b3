import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

import { RequireRole } from '@nexwave/auth';

import { BacktestRunsService } from '../../application/backtest-runs.service';
import type { BacktestRequestInput } from '../../domain/backtest-request';
import { backtestRunView, DEFAULT_RUNS_LIMIT } from './backtest-run.view';

const integer = (text: string | undefined, fallback: number) =>
  text === undefined ? fallback : /^\d+$/.test(text) ? Number(text) : NaN;

@ApiTags('backtests')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No bearer credential, or an invalid or expired one' })
@ApiForbiddenResponse({ description: 'The credential is of too low a role' })
@Controller('api/v1/backtests')
@RequireRole('read')
export class BacktestsController {
  constructor(private readonly backtests: BacktestRunsService) {}

  @Get()
  @ApiOperation({
    summary: 'Backtest runs, newest first, with status, progress, summary (role read)',
  })
  @ApiOkResponse({ description: '{ items, total, offset, limit }' })
  @ApiBadRequestResponse({ description: 'offset or limit is invalid' })
  async list(@Query('offset') offset?: string, @Query('limit') limit?: string) {
    const at = integer(offset, 0);
    const size = integer(limit, DEFAULT_RUNS_LIMIT);
    const page = await this.backtests.list(at, size);
    return {
      items: page.items.map((run) => backtestRunView(run, false)),
      total: page.total,
      offset: at,
      limit: size,
    };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One run: progress, summary, trades, equity curve (role read)' })
  @ApiNotFoundResponse({ description: 'No backtest run has this id (RUN_NOT_FOUND)' })
  async one(@Param('id') id: string) {
    return backtestRunView(await this.backtests.get(id), true);
  }

  @Post()
  @HttpCode(202)
  @RequireRole('trade')
  @ApiOperation({
    summary:
      'Start a backtest in the background: { strategy, parameters, symbols, timeframe, from, to } (role trade)',
  })
  @ApiAcceptedResponse({ description: '{ id, status }: poll GET /api/v1/backtests/{id}' })
  @ApiBadRequestResponse({ description: 'The reason, naming the field or parameter' })
  async start(@Body() body: BacktestRequestInput) {
    const run = await this.backtests.start(body ?? {});
    return { id: run.id, status: run.status };
  }
}
