import { z } from 'zod';

import { concern, port, variable } from './variable';

export const appConcern = concern({
  variables: {
    HOST: variable(z.string().min(1), {
      doc: 'Interface the HTTP server listens on (0.0.0.0: every interface, as in the container image).',
      default: '127.0.0.1',
    }),
    PORT: variable(port, { doc: 'HTTP port of the app (0 picks a free one).', default: '3000' }),
    LOG_LEVEL: variable(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), {
      doc: 'pino log level (request logs and Nest module wiring are at debug).',
      default: 'info',
    }),
    LOG_FORMAT: variable(z.enum(['auto', 'pretty', 'json']), {
      doc: 'Log lines: auto = pretty when stdout is a terminal, JSON lines otherwise.',
      default: 'auto',
    }),
    NODE_ENV: variable(z.enum(['production', 'development', 'test']), {
      doc: 'development: Apollo sandbox at GET /graphql and stack traces in GraphQL errors (never in production).',
      default: 'production',
    }),
    GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION: variable(z.coerce.number().int().min(1).max(1000), {
      doc: 'GraphQL subscriptions live at once on one graphql-ws connection; one more is refused (TOO_MANY_SUBSCRIPTIONS).',
      default: '20',
    }),
  },
  build: (v) => ({
    host: v.HOST,
    port: v.PORT,
    logLevel: v.LOG_LEVEL,
    logFormat: v.LOG_FORMAT,
    development: v.NODE_ENV === 'development',
    graphqlMaxSubscriptionsPerConnection: v.GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION,
  }),
});
