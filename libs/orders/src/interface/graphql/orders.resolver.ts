import { QueryBus } from '@nestjs/cqrs';
import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';

import { requesterOf, RequireRole, type AuthenticatedRequest } from '@nexwave/auth';
import { isUuid } from '@nexwave/core';

import { GetOrderQuery } from '../../application/queries/get-order.query';
import { GetOrdersQuery } from '../../application/queries/get-orders.query';
import { GetPositionsQuery } from '../../application/queries/get-positions.query';
import type { OrderStatus } from '../../domain/order-status';
import { OrdersApiError } from '../http/orders-api.errors';
import { OrdersCommandSender } from '../http/orders-command.sender';
import {
  DEFAULT_ORDERS_LIMIT,
  MAX_ORDERS_LIMIT,
  MAX_ORDERS_OFFSET,
  ordersListRequest,
} from '../http/orders-list.request';
import { orderView, positionView, type OrderView, type PositionView } from '../http/orders.views';
import { placeOrderRequest } from '../http/place-order.request';
import { OrderStatusEnum } from './order-status.enum';
import { OrderModel, OrdersPageModel } from './order.model';
import { PlaceOrderInputModel } from './place-order.input';
import { PositionModel } from './position.model';

/** Orders and positions over GraphQL: the same reads and writes as REST /api/v1/orders. */
@Resolver(() => OrderModel)
@RequireRole('read')
export class OrdersResolver {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly commands: OrdersCommandSender,
  ) {}

  @Query(() => OrdersPageModel, { description: 'Orders, newest first (REST GET /api/v1/orders)' })
  async orders(
    @Args('status', { type: () => OrderStatusEnum, nullable: true }) status: OrderStatus | null,
    @Args('symbol', { type: () => String, nullable: true }) symbol: string | null,
    @Args('strategyId', { type: () => String, nullable: true }) strategyId: string | null,
    @Args('limit', {
      type: () => Int,
      defaultValue: DEFAULT_ORDERS_LIMIT,
      description: `1 to ${MAX_ORDERS_LIMIT}`,
    })
    limit: number,
    @Args('offset', { type: () => Int, defaultValue: 0, description: `0 to ${MAX_ORDERS_OFFSET}` })
    offset: number,
  ): Promise<OrdersPageModel> {
    const { filter, page } = ordersListRequest({
      status: status ?? undefined,
      symbol: symbol ?? undefined,
      strategyId: strategyId ?? undefined,
      limit,
      offset,
    });
    const { items, total } = await this.queryBus.execute(new GetOrdersQuery(filter, page));
    return { orders: items.map(orderView), total, ...page };
  }

  @Query(() => OrderModel, {
    description: 'One order by its clientOrderId (NOT_FOUND when unknown)',
  })
  async order(
    @Args('clientOrderId', { type: () => ID }) clientOrderId: string,
  ): Promise<OrderView> {
    return this.stored(clientOrderId);
  }

  @Query(() => [PositionModel], { description: 'Positions that are not flat, paper by default' })
  async positions(
    @Args('paperTrading', { type: () => Boolean, defaultValue: true }) paperTrading: boolean,
  ): Promise<PositionView[]> {
    const positions = await this.queryBus.execute(new GetPositionsQuery(paperTrading));
    return positions.map(positionView);
  }

  @RequireRole('trade')
  @Mutation(() => OrderModel, {
    description:
      'Place an order; the same clientOrderId again returns the stored order (REST POST /api/v1/orders)',
  })
  async placeOrder(
    @Args('input', { type: () => PlaceOrderInputModel }) input: PlaceOrderInputModel,
    @Context('req') req: AuthenticatedRequest,
  ): Promise<OrderView> {
    const reply = await this.commands.place(
      placeOrderRequest(withoutNulls(input), requesterOf(req)),
    );
    return this.stored(reply.order.clientOrderId);
  }

  @RequireRole('trade')
  @Mutation(() => OrderModel, { description: 'Cancel an order (REST DELETE /api/v1/orders/{id})' })
  async cancelOrder(
    @Args('clientOrderId', { type: () => ID }) clientOrderId: string,
    @Context('req') req: AuthenticatedRequest,
  ): Promise<OrderView> {
    const reply = await this.commands.cancel(checkedId(clientOrderId), requesterOf(req));
    return this.stored(reply.order.clientOrderId);
  }

  private async stored(clientOrderId: string): Promise<OrderView> {
    return orderView(await this.queryBus.execute(new GetOrderQuery(checkedId(clientOrderId))));
  }
}

function checkedId(clientOrderId: string): string {
  if (!isUuid(clientOrderId.toLowerCase())) {
    throw new OrdersApiError('INVALID_REQUEST', 'clientOrderId must be a UUID');
  }
  return clientOrderId;
}

/** GraphQL gives an explicit null for an optional field; the request treats it as left out. */
function withoutNulls<T extends object>(input: T): T {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== null && value !== undefined),
  ) as T;
}
