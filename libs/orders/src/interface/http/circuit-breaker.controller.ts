import {
  Body,
  Controller,
  Get,
  HttpCode,
  Logger,
  Post,
  Req,
  UsePipes,
  ValidationPipe,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

import { requesterOf, RequireRole, type AuthenticatedRequest } from '@nexwave/auth';

import { GetBreakerStatusQuery } from '../../application/queries/get-breaker-status.query';
import { HaltTradingDto, ResumeTradingDto } from './dto/circuit-breaker.dto';
import { CircuitBreakerDto } from './dto/orders-response.dto';
import { OrdersCommandSender } from './orders-command.sender';
import { circuitBreakerView } from './orders.views';

@ApiTags('admin')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No bearer credential, or an invalid or expired one' })
@ApiForbiddenResponse({ description: 'The credential is not an admin one' })
@Controller('api/v1/admin/circuit-breaker')
@UsePipes(new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true }))
@RequireRole('admin')
export class CircuitBreakerController {
  private readonly logger = new Logger(CircuitBreakerController.name);

  constructor(
    private readonly queryBus: QueryBus,
    private readonly commands: OrdersCommandSender,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The circuit breaker: state, who changed it, when and why (role admin)',
  })
  @ApiOkResponse({ type: CircuitBreakerDto, description: 'The stored state' })
  async status(): Promise<CircuitBreakerDto> {
    return circuitBreakerView(await this.queryBus.execute(new GetBreakerStatusQuery()));
  }

  @Post('halt')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop all order submission until resumed (role admin)' })
  @ApiOkResponse({ type: CircuitBreakerDto, description: 'The breaker, halted' })
  @ApiBadRequestResponse({ description: 'reason is missing or longer than 500 characters' })
  @ApiConflictResponse({ description: 'Already halted (ALREADY_HALTED)' })
  @ApiServiceUnavailableResponse({ description: 'Order management did not answer' })
  async halt(
    @Body() body: HaltTradingDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<CircuitBreakerDto> {
    await this.commands.halt(body.reason, requesterOf(req));
    return this.status();
  }

  @Post('resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lift a halt (role admin)' })
  @ApiOkResponse({ type: CircuitBreakerDto, description: 'The breaker, closed' })
  @ApiBadRequestResponse({ description: 'reason is longer than 500 characters' })
  @ApiConflictResponse({ description: 'Trading is not halted (NOT_HALTED)' })
  @ApiServiceUnavailableResponse({ description: 'Order management did not answer' })
  async resume(
    @Body() body: ResumeTradingDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<CircuitBreakerDto> {
    const requestedBy = requesterOf(req);
    await this.commands.resume(requestedBy, body.reason ?? null);
    this.logger.warn({ requestedBy, reason: body.reason ?? null }, 'trading resumed');
    return this.status();
  }
}
