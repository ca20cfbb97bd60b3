import type { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import {
  getOperationAST,
  GraphQLError,
  OperationTypeNode,
  parse,
  type DocumentNode,
} from 'graphql';

export const DEFAULT_MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;

/** What a resolver's guard reads: the request, or for a WebSocket the connection_init payload. */
export interface GraphqlRequestContext {
  req: { headers: Record<string, string | string[] | undefined> };
}

/** The part of a graphql-ws connection context read here. */
interface WsConnection {
  connectionParams?: Readonly<Record<string, unknown>>;
  subscriptions: Readonly<Record<string, unknown>>;
}

/**
 * The context of every operation. Over HTTP, the request. Over graphql-ws, a request whose
 * `authorization` header is the connection_init payload's `authorization` ("Bearer <key or
 * JWT>"), so the one AuthGuard checks queries and subscriptions alike.
 */
export function graphqlContext(
  source: { req?: GraphqlRequestContext['req'] } & Partial<WsConnection>,
): GraphqlRequestContext {
  if (source.req) {
    return { req: source.req };
  }
  const authorization = source.connectionParams?.['authorization'];
  return {
    req: { headers: typeof authorization === 'string' ? { authorization } : {} },
  };
}

interface SubscribePayload {
  query: string;
  operationName?: string | null;
}

/**
 * graphql-ws at /graphql, for subscriptions only: queries and mutations go over HTTP, where the
 * depth, alias and cost limits apply (SUBSCRIPTIONS_ONLY otherwise). A subscription beyond
 * `maxPerConnection` live on one connection is refused with TOO_MANY_SUBSCRIPTIONS (the
 * others go on).
 */
export function graphqlWsConfig(maxPerConnection: number): GraphQLWsSubscriptionsConfig {
  return {
    path: '/graphql',
    onSubscribe: (ctx: WsConnection, _id: string, payload: SubscribePayload) => {
      if (!isSubscription(payload)) {
        return [
          new GraphQLError('only subscriptions are served over WebSocket; POST queries', {
            extensions: { code: 'SUBSCRIPTIONS_ONLY' },
          }),
        ];
      }
      // graphql-ws has already added the new subscription's id when it asks.
      if (Object.keys(ctx.subscriptions).length > maxPerConnection) {
        return [
          new GraphQLError(`at most ${maxPerConnection} subscriptions per connection`, {
            extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: maxPerConnection },
          }),
        ];
      }
      return undefined;
    },
  };
}

/** A document that does not parse passes: graphql-ws answers it with the syntax error. */
function isSubscription(payload: SubscribePayload): boolean {
  let document: DocumentNode;
  try {
    document = parse(payload.query);
  } catch {
    return true;
  }
  return (
    getOperationAST(document, payload.operationName)?.operation === OperationTypeNode.SUBSCRIPTION
  );
}
