import {
  Body,
  Controller,
  Delete,
  Get,
  Param,
  ParseUUIDPipe,
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
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

import { requesterOf, RequireRole, type AuthenticatedRequest } from '@nexwave/auth';

import { GetOrderQuery } from '../../application/queries/get-order.query';
import { GetOrdersQuery } from '../../application/queries/get-orders.query';
import { OrdersQueryDto } from './dto/orders-query.dto';
import { OrderDto, OrdersPageDto } from './dto/orders-response.dto';
import { PlaceOrderDto } from './dto/place-order.dto';
import { OrdersCommandSender } from './orders-command.sender';
import { ordersListRequest } from './orders-list.request';
import { orderView } from './orders.views';
import { placeOrderRequest } from './place-order.request';

const REFUSED =
  'Refused: trading halted (TRADING_HALTED, with who halted and why), reduce-only without a position, or an order that is already final';

@ApiTags('orders')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No bearer credential, or an invalid or expired one' })
@ApiForbiddenResponse({ description: 'The credential is of too low a role' })
@Controller('api/v1/orders')
@UsePipes(new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true }))
@RequireRole('read')
export class OrdersController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly commands: OrdersCommandSender,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Orders, filtered and paged, newest first (role read)' })
  @ApiOkResponse({ type: OrdersPageDto, description: 'One page of orders, newest first' })
  @ApiBadRequestResponse({
    description: 'A parameter is invalid or out of bounds; the message says which',
  })
  async list(@Query() query: OrdersQueryDto): Promise<OrdersPageDto> {
    const { filter, page } = ordersListRequest(query);
    const { items, total } = await this.queryBus.execute(new GetOrdersQuery(filter, page));
    return { orders: items.map(orderView), total, ...page };
  }

  @Get(':clientOrderId')
  @ApiOperation({ summary: 'One order by its clientOrderId (role read)' })
  @ApiOkResponse({ type: OrderDto, description: 'The order' })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No order has this clientOrderId (ORDER_NOT_FOUND)' })
  async one(@Param('clientOrderId', ParseUUIDPipe) clientOrderId: string): Promise<OrderDto> {
    return orderView(await this.queryBus.execute(new GetOrderQuery(clientOrderId)));
  }

  @Post()
  @RequireRole('trade')
  @ApiOperation({
    summary: 'Place an order (role trade); the same clientOrderId again returns the stored order',
  })
  @ApiCreatedResponse({ type: OrderDto, description: 'The order as order management stored it' })
  @ApiBadRequestResponse({ description: 'The order is malformed (INVALID_ORDER names each rule)' })
  @ApiConflictResponse({ description: REFUSED })
  @ApiServiceUnavailableResponse({
    description: 'Circuit breaker open (BREAKER_OPEN), or order management did not answer',
  })
  async place(@Body() body: PlaceOrderDto, @Req() req: AuthenticatedRequest): Promise<OrderDto> {
    const reply = await this.commands.place(placeOrderRequest(body, requesterOf(req)));
    return this.stored(reply.order.clientOrderId);
  }

  @Delete(':clientOrderId')
  @RequireRole('trade')
  @ApiOperation({ summary: 'Cancel an order (role trade)' })
  @ApiOkResponse({ type: OrderDto, description: 'The order after the cancel' })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No order has this clientOrderId (ORDER_NOT_FOUND)' })
  @ApiConflictResponse({ description: 'The order is already final (ILLEGAL_TRANSITION)' })
  @ApiServiceUnavailableResponse({ description: 'Order management or the exchange did not answer' })
  async cancel(
    @Param('clientOrderId', ParseUUIDPipe) clientOrderId: string,
    @Req() req: AuthenticatedRequest,
  ): Promise<OrderDto> {
    const reply = await this.commands.cancel(clientOrderId, requesterOf(req));
    return this.stored(reply.order.clientOrderId);
  }

  /** The order as stored once the command is answered: the same shape as GET. */
  private async stored(clientOrderId: string): Promise<OrderDto> {
    return orderView(await this.queryBus.execute(new GetOrderQuery(clientOrderId)));
  }
}
