import { Controller, Get, Query, UsePipes, ValidationPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { DEFAULT_WHALE_LIMIT } from '../../application/queries/activity-filter';
import { GetWhaleImpactQuery } from '../../application/queries/get-whale-impact.query';
import { ListWhaleActivitiesQuery } from '../../application/queries/list-whale-activities.query';
import { WhaleImpactQueryDto, WhalesQueryDto } from './dto/whales-query.dto';
import { WhaleImpactResponseDto, WhalesResponseDto } from './dto/whales-response.dto';

@ApiTags('whales')
@Controller('api/v1/whales')
@UsePipes(new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true }))
export class WhalesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Whale activities, filtered and paged, newest detection first' })
  @ApiOkResponse({
    type: WhalesResponseDto,
    description: 'Whale activities (large resting orders and ladders), newest first',
  })
  @ApiBadRequestResponse({ description: 'A parameter is invalid; the message says which' })
  async list(@Query() query: WhalesQueryDto): Promise<WhalesResponseDto> {
    const activities = await this.queryBus.execute(
      new ListWhaleActivitiesQuery({
        symbol: query.symbol,
        since: query.since === undefined ? undefined : new Date(query.since),
        minUsd: query.minUsd,
        kind: query.kind,
        limit: query.limit,
        offset: query.offset,
      }),
    );
    return {
      activities: activities as WhalesResponseDto['activities'],
      limit: query.limit ?? DEFAULT_WHALE_LIMIT,
      offset: query.offset ?? 0,
    };
  }

  @Get('impact')
  @ApiOperation({ summary: 'Average market impact after detection, per symbol and kind' })
  @ApiOkResponse({
    type: WhaleImpactResponseDto,
    description: 'Average market impact after detection, per symbol and kind',
  })
  @ApiBadRequestResponse({ description: 'A parameter is invalid; the message says which' })
  async impact(@Query() query: WhaleImpactQueryDto): Promise<WhaleImpactResponseDto> {
    const averages = await this.queryBus.execute(
      new GetWhaleImpactQuery({
        symbol: query.symbol,
        since: query.since === undefined ? undefined : new Date(query.since),
      }),
    );
    return { averages };
  }
}
