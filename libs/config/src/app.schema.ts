import { z } from 'zod';

import { concern, port, variable } from './variable';

export const appConcern = concern({
  variables: {
    PORT: variable(port, { doc: 'HTTP port of the app (0 picks a free one).', default: '3000' }),
    LOG_LEVEL: variable(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), {
      doc: 'pino log level.',
      default: 'info',
    }),
    LOG_PRETTY: variable(z.enum(['true', 'false']), {
      doc: 'Human-readable logs instead of JSON lines.',
      default: 'false',
    }),
    NODE_ENV: variable(z.enum(['production', 'development', 'test']), {
      doc: 'development: Apollo sandbox at GET /graphql and stack traces in GraphQL errors (never in production).',
      default: 'production',
    }),
  },
  build: (v) => ({
    port: v.PORT,
    logLevel: v.LOG_LEVEL,
    logPretty: v.LOG_PRETTY === 'true',
    development: v.NODE_ENV === 'development',
  }),
});
