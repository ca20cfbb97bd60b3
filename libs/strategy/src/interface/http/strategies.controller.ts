import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  UsePipes,
  ValidationPipe,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

import { requesterOf, RequireRole, type AuthenticatedRequest } from '@nexwave/auth';

import { GetStrategiesQuery } from '../../application/queries/get-strategies.query';
import { GetStrategyPerformanceQuery } from '../../application/queries/get-strategy-performance.query';
import { GetStrategySignalsQuery } from '../../application/queries/get-strategy-signals.query';
import { GetStrategyTradesQuery } from '../../application/queries/get-strategy-trades.query';
import { GetStrategyQuery } from '../../application/queries/get-strategy.query';
import {
  StrategyControlDto,
  StrategySignalsQueryDto,
  StrategyTradesQueryDto,
} from './dto/strategies-query.dto';
import { SignalsPageDto, StrategiesDto, StrategyDto } from './dto/strategies-response.dto';
import { StrategyPerformanceDto, StrategyTradesDto } from './dto/strategy-performance-response.dto';
import { performanceView, signalsPageView, strategyView, tradesView } from './strategies.views';
import { StrategyCommandSender } from './strategy-command.sender';
import { strategySignalsRequest } from './strategy-signals.request';
import { tradesLimit } from './strategy-trades.request';

const NOT_FOUND = 'No strategy instance has this id (STRATEGY_NOT_FOUND)';

@ApiTags('strategies')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No bearer credential, or an invalid or expired one' })
@ApiForbiddenResponse({ description: 'The credential is of too low a role' })
@Controller('api/v1/strategies')
@UsePipes(new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true }))
@RequireRole('read')
export class StrategiesController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly commands: StrategyCommandSender,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Strategy instances: strategy, parameters, state (role read)' })
  @ApiOkResponse({ type: StrategiesDto, description: 'Every instance, by id' })
  async list(): Promise<StrategiesDto> {
    const instances = await this.queryBus.execute(new GetStrategiesQuery());
    return { strategies: instances.map(strategyView) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One strategy instance (role read)' })
  @ApiOkResponse({ type: StrategyDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async one(@Param('id') id: string): Promise<StrategyDto> {
    return strategyView(await this.queryBus.execute(new GetStrategyQuery(id)));
  }

  @Get(':id/signals')
  @ApiOperation({
    summary:
      "An instance's signals, newest first, with indicator values, risk decision and fill (role read)",
  })
  @ApiOkResponse({ type: SignalsPageDto })
  @ApiBadRequestResponse({
    description: 'A parameter is invalid, or before is not a signal of this instance',
  })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async signals(
    @Param('id') id: string,
    @Query() query: StrategySignalsQueryDto,
  ): Promise<SignalsPageDto> {
    const page = await this.queryBus.execute(
      new GetStrategySignalsQuery(id, strategySignalsRequest(query)),
    );
    return signalsPageView(id, page);
  }

  @Get(':id/performance')
  @ApiOperation({
    summary: 'Performance: PnL, win rate, Sharpe, Sortino, drawdown, exposure, equity (role read)',
  })
  @ApiOkResponse({
    type: StrategyPerformanceDto,
    description: 'Its latest figures; before its first record zero, with null ratios and equity',
  })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async performance(@Param('id') id: string): Promise<StrategyPerformanceDto> {
    await this.queryBus.execute(new GetStrategyQuery(id));
    const stored = await this.queryBus.execute(new GetStrategyPerformanceQuery(id));
    return performanceView(id, stored);
  }

  @Get(':id/trades')
  @ApiOperation({ summary: "An instance's closed round trips, newest first (role read)" })
  @ApiOkResponse({ type: StrategyTradesDto })
  @ApiBadRequestResponse({ description: 'limit is not an integer from 1 to 500' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async trades(
    @Param('id') id: string,
    @Query() query: StrategyTradesQueryDto,
  ): Promise<StrategyTradesDto> {
    const limit = tradesLimit(query.limit);
    await this.queryBus.execute(new GetStrategyQuery(id));
    return tradesView(id, await this.queryBus.execute(new GetStrategyTradesQuery(id, limit)));
  }

  @Post(':id/pause')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Pause an instance: no new entries, exits still go out (role admin); idempotent',
  })
  @ApiOkResponse({ type: StrategyDto, description: 'The instance, paused' })
  @ApiBadRequestResponse({ description: 'reason is empty or longer than 500 characters' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiServiceUnavailableResponse({ description: 'Its trading engine did not answer' })
  pause(
    @Param('id') id: string,
    @Body() body: StrategyControlDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<StrategyDto> {
    return this.control('pause', id, body.reason ?? null, requesterOf(req));
  }

  @Post(':id/resume')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({ summary: 'Resume a paused instance (role admin); idempotent' })
  @ApiOkResponse({ type: StrategyDto, description: 'The instance, running' })
  @ApiBadRequestResponse({ description: 'reason is empty or longer than 500 characters' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiServiceUnavailableResponse({ description: 'Its trading engine did not answer' })
  resume(
    @Param('id') id: string,
    @Body() body: StrategyControlDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<StrategyDto> {
    return this.control('resume', id, body.reason ?? null, requesterOf(req));
  }

  /** Checks the instance exists (404 before asking the engine), sends the command, shows the result. */
  private async control(
    command: 'pause' | 'resume',
    id: string,
    reason: string | null,
    requestedBy: string,
  ): Promise<StrategyDto> {
    await this.queryBus.execute(new GetStrategyQuery(id));
    await this.commands[command](id, reason, requestedBy);
    return this.one(id);
  }
}
