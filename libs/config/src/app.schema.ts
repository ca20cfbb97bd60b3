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
  },
  build: (v) => ({ port: v.PORT, logLevel: v.LOG_LEVEL, logPretty: v.LOG_PRETTY === 'true' }),
});
