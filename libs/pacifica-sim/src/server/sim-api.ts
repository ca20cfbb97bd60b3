import type { Clock } from '@nexwave/core';

import type { Exchange } from '../domain/exchange';
import { BATCH_PATH, batchResult, parseBatch } from './batch-route';
import { HttpError, ok, toHttpError, type Envelope } from './http-error';
import { Query } from './query';
import { GET_ROUTES, POST_ROUTES, type PostRoute, type RouteContext } from './rest-routes';
import { verifySignedRequest, type VerifiedRequest } from './signed-request';
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
    return path in POST_ROUTES || path === BATCH_PATH;
  }

  post(path: string, body: unknown): Envelope {
    if (path === BATCH_PATH) {
      return this.batch(body);
    }
    const route = POST_ROUTES[path];
    if (!route) {
      throw new HttpError(404, 'Not found');
    }
    const now = this.now();
    return ok(this.execute(route, this.verify(route, body, now), now) ?? null);
  }

  /**
   * Every action is verified before any runs, so one bad signature rejects the whole batch; then
   * the actions run in order and a failed one is only its own result.
   */
  private batch(body: unknown): Envelope {
    const now = this.now();
    const verified = parseBatch(body).map(({ route, body: data }) => ({
      route,
      request: this.verify(route, data, now),
    }));
    const results = verified.map(({ route, request }) => {
      try {
        return batchResult(this.execute(route, request, now));
      } catch (error) {
        return batchResult(toHttpError(error));
      }
    });
    return ok({ results });
  }

  private verify(route: PostRoute, body: unknown, now: number): VerifiedRequest {
    return verifySignedRequest(body, route, {
      now,
      isBoundAgent: (owner, agent) => this.exchange.accounts.isBoundAgent(owner, agent),
    });
  }

  private execute(route: PostRoute, { account, data }: VerifiedRequest, now: number): unknown {
    this.exchange.accounts.account(account, now);
    return route.handle(this.context, account, data, now);
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}
