import type { Clock } from '@nexwave/core';

import type { Exchange } from '../domain/exchange';
import { HttpError, ok, type Envelope } from './http-error';
import { Query } from './query';
import { GET_ROUTES, POST_ROUTES, type RouteContext } from './rest-routes';
import { verifySignedRequest } from './signed-request';
import type { WireFormat } from './wire-format';

/** The REST API without its transport: a path, a query or a body in, an envelope out. */
export class SimApi {
  private readonly context: RouteContext;

  constructor(
    private readonly exchange: Exchange,
    wire: WireFormat,
    private readonly clock: Clock,
  ) {
    this.context = { exchange, wire, startedAt: clock.now().getTime() };
  }

  get(path: string, params: URLSearchParams): Envelope {
    const route = GET_ROUTES[path];
    if (!route) {
      throw new HttpError(404, 'Not found');
    }
    return route(this.context, new Query(params), this.now());
  }

  hasPost(path: string): boolean {
    return path in POST_ROUTES;
  }

  post(path: string, body: unknown): Envelope {
    const route = POST_ROUTES[path];
    if (!route) {
      throw new HttpError(404, 'Not found');
    }
    const now = this.now();
    const { account, data } = verifySignedRequest(body, route, {
      now,
      isBoundAgent: (owner, agent) => this.exchange.accounts.isBoundAgent(owner, agent),
    });
    this.exchange.accounts.account(account, now);
    return ok(route.handle(this.context, account, data, now) ?? null);
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}
