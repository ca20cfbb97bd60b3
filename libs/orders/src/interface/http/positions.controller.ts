import { Controller, Get, Query, UsePipes, ValidationPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

import { RequireRole } from '@nexwave/auth';

import { GetPositionsQuery } from '../../application/queries/get-positions.query';
import { PositionsQueryDto } from './dto/orders-query.dto';
import { PositionsResponseDto } from './dto/orders-response.dto';
import { positionView } from './orders.views';

@ApiTags('orders')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No bearer credential, or an invalid or expired one' })
@ApiForbiddenResponse({ description: 'The credential is of too low a role' })
@Controller('api/v1/positions')
@UsePipes(new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true }))
@RequireRole('read')
export class PositionsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Positions built from our fills, paper or live (role read)' })
  @ApiOkResponse({ type: PositionsResponseDto, description: 'Every position that is not flat' })
  @ApiBadRequestResponse({ description: 'paperTrading is not true or false' })
  async list(@Query() query: PositionsQueryDto): Promise<PositionsResponseDto> {
    const paperTrading = query.paperTrading ?? true;
    const positions = await this.queryBus.execute(new GetPositionsQuery(paperTrading));
    return { paperTrading, positions: positions.map(positionView) };
  }
}
