import type { FormattedExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client of the app at `base` (http://host:port), sending `credential` in connection_init. */
export function graphqlWsClient(base: string, credential?: string): Client {
  return createClient({
    url: `${base.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: credential === undefined ? {} : { authorization: `Bearer ${credential}` },
    retryAttempts: 0,
    lazy: true,
  });
}

/** Results of one subscription, read one at a time (a refusal as `{ errors }`); `close()` completes it. */
export interface SubscriptionReader<T> {
  next(timeoutMs?: number): Promise<FormattedExecutionResult<T, unknown>>;
  close(): Promise<void>;
}

export function subscribe<T = Record<string, unknown>>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): SubscriptionReader<T> {
  const results = client.iterate<T>({ query, variables });
  return {
    async next(timeoutMs = 30_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no subscription result within ${timeoutMs} ms`)),
          timeoutMs,
        );
      });
      try {
        const result = await Promise.race([results.next(), timeout]);
        if (result.done) {
          throw new Error('the subscription completed');
        }
        return result.value;
      } catch (error) {
        // graphql-ws ends the iteration with the errors of an `error` message (a refused operation).
        if (Array.isArray(error)) {
          return { errors: error as FormattedExecutionResult['errors'] };
        }
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await results.return?.();
    },
  };
}
